package org.govdatasec.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.govdatasec.audit.AuditLog;
import org.govdatasec.audit.AuditProofs;
import org.govdatasec.audit.AuditReview;
import org.govdatasec.audit.AuditVerifier;
import org.govdatasec.audit.Checkpoint;
import org.govdatasec.audit.InclusionProof;
import org.govdatasec.audit.ReviewReport;
import org.govdatasec.audit.Tamper;
import org.govdatasec.audit.VerificationReport;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.audit.Parties;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.SampleData;

/**
 * The demo's audit step (AU-1 to AU-4, USE-3, USE-4, TX-2): the registry's accesses are recorded in a
 * durable, tamper-evident {@link AuditLog}; the log is verified with the public key only, one event's
 * inclusion is proved against a signed checkpoint, the twice-yearly review is written as Markdown and
 * HTML, and a tampered copy of the log is caught.
 *
 * <p>Deterministic: a fixed clock the step moves by hand, fixed event ids, a fixed work directory (the
 * SM2 key is fresh each run, and no signature is printed).
 */
public final class AuditStep {

  /**
   * What the step did, for tests.
   *
   * @param events the number of events in the log
   * @param verified whether the log verified
   * @param provedSeq the sequence number whose inclusion was proved
   * @param proofVerified whether the inclusion proof led to the signed root
   * @param html the HTML review report
   * @param review the review
   * @param tamperKind what the verifier found in the tampered copy
   * @param tamperSeq where it found it
   */
  public record Result(long events, boolean verified, long provedSeq, boolean proofVerified, Path html,
      ReviewReport review, Tamper tamperKind, long tamperSeq) {}

  private static final String ORG = "南宁市民政局";
  private static final String SYSTEM = "citizen-registry";

  private AuditStep() {}

  /** A clock the step moves by hand, so the log's times are the same on every run. */
  private static final class StepClock extends Clock {
    private volatile long millis;

    StepClock(Instant start) {
      millis = start.toEpochMilli();
    }

    void set(Instant t) {
      millis = t.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  /**
   * Runs the step.
   *
   * @param out where to print
   * @param workDir a directory for the log, its tampered copy and the HTML report (replaced each run)
   * @return what happened
   */
  public static Result run(PrintStream out, Path workDir) {
    try {
      return doRun(out, workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result doRun(PrintStream out, Path workDir) throws IOException {
    Path logDir = workDir.resolve("audit-log");
    Path tamperedDir = workDir.resolve("audit-log-tampered");
    deleteRecursively(logDir);
    deleteRecursively(tamperedDir);
    Files.createDirectories(workDir);
    Sm2PrivateKey key = Sm2PrivateKey.generate();
    // Monday 2 March 2026, 09:30 in Nanning.
    StepClock clock = new StepClock(Instant.parse("2026-03-02T01:30:00Z"));
    List<String> lines = new ArrayList<>();
    long deniedSeq;
    try (AuditLog log = AuditLog.builder().directory(logDir).signer(key).origin("nanning.citizen-registry")
        .checkpointEvery(4).checkpointInterval(Duration.ofDays(1)).clock(clock).open()) {
      Actor caseworker = new Actor("wang.fang", "caseworker", ORG, SYSTEM);
      int n = 0;
      for (Citizen c : SampleData.citizens()) {
        clock.set(clock.instant().plusSeconds(60));
        record(log, lines, AuditEvent.builder(Action.READ, caseworker).id("demo-" + (n++)).time(clock.instant())
            .object(DataObject.records(SYSTEM, "citizen", List.of(c.citizenNo())).withFields(
                List.of("name", "idNumber", "mobile")))
            .level(Classification.general(4)).categories(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.MOBILE)
            .purpose("最低生活保障资格复核").legalBasis("社会救助暂行办法 第十一条").consentId("CONSENT-" + c.citizenNo())
            .sourceAddress("10.45.1.23").build());
      }
      clock.set(clock.instant().plusSeconds(300));
      record(log, lines, AuditEvent.builder(Action.EXPORT, new Actor("chen.jing", "statistician", ORG, SYSTEM))
          .id("demo-" + (n++)).time(clock.instant())
          .object(DataObject.bulk(SYSTEM, "district_statistics", 12_400)).level(Classification.IMPORTANT)
          .purpose("季度人口统计报送").approvalTicket("SP-2026-0042")
          .parties(new Parties(ORG, "南宁市大数据发展局", "南宁市统计局")).sourceAddress("10.45.1.40").build());
      clock.set(clock.instant().plusSeconds(120));
      Citizen minor = SampleData.HUANG_SIYUAN;
      record(log, lines, AuditEvent.builder(Action.READ, new Actor("liu.qiang", "clerk", ORG, SYSTEM))
          .id("demo-" + (n++)).time(clock.instant())
          .object(DataObject.records(SYSTEM, "citizen", List.of(minor.citizenNo())))
          .level(Classification.general(4)).categories(PiCategory.MINORS, PiCategory.RESIDENT_ID)
          .outcome(Outcome.denied("no guardian consent for a child under 14 (PI-3)")).build());
      deniedSeq = n - 1;
      clock.set(clock.instant().plusSeconds(600));
      record(log, lines, AuditEvent.builder(Action.DOWNLOAD, new Actor("zhao.lei", "clerk", ORG, SYSTEM))
          .id("demo-" + (n++)).time(clock.instant()).object(DataObject.bulk(SYSTEM, "citizen", 1_500))
          .level(Classification.general(4)).categories(PiCategory.NAME, PiCategory.ADDRESS)
          .purpose("走访名单").sourceAddress("10.45.7.9").build());
      clock.set(Instant.parse("2026-03-02T15:10:00Z"));
      record(log, lines, AuditEvent.builder(Action.READ, new Actor("zhao.lei", "clerk", ORG, SYSTEM))
          .id("demo-" + (n++)).time(clock.instant())
          .object(DataObject.records(SYSTEM, "citizen", List.of(SampleData.LI_XIULAN.citizenNo())))
          .level(Classification.general(4)).categories(PiCategory.NAME, PiCategory.MOBILE)
          .sourceAddress("172.16.9.201").build());
      clock.set(Instant.parse("2026-03-03T02:00:00Z"));
      record(log, lines, AuditEvent.builder(Action.KEY_ROTATED, new Actor("sec.officer", "security", ORG, SYSTEM))
          .id("demo-" + (n++)).time(clock.instant()).purpose("年度密钥轮换").build());
    }
    TextTable table = new TextTable("seq", "action", "actor", "outcome", "data");
    lines.forEach(l -> {
      String[] f = l.split("\t", -1);
      table.row(f[0], f[1], f[2], f[3], f[4]);
    });
    out.println("The registry's accesses, recorded through the AuditRecorder port into an AuditLog");
    out.println("(group commit: each append returns after fsync; SM2-signed checkpoint every 4 events):");
    table.lines("  ").forEach(out::println);
    out.println();

    VerificationReport report = AuditVerifier.verify(logDir, key.publicKey());
    out.println("AuditVerifier.verify(log directory, public key only):");
    out.println("  " + report.summary());
    out.println();

    List<Checkpoint> cps = AuditProofs.checkpoints(logDir);
    Checkpoint latest = cps.get(cps.size() - 1);
    InclusionProof proof = AuditProofs.inclusion(logDir, deniedSeq, latest.size());
    boolean proofOk = proof.verify(latest.root());
    out.println("Inclusion proof of the denied access (seq " + deniedSeq + ") against the signed checkpoint of size "
        + latest.size() + ":");
    proof.toText().lines().forEach(l -> out.println("  " + l));
    out.println("  checkpoint root: " + latest.rootHex());
    out.println("  " + (proofOk ? "VERIFIED" : "NOT VERIFIED") + ": the proof leads to the signed root");
    out.println();

    ReviewReport review = AuditReview.builder().period(Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-07-01T00:00:00Z")).bulkThreshold(1000).build().review(logDir);
    Path html = workDir.resolve("audit-review.html");
    Path tmp = workDir.resolve("audit-review.html.tmp");
    Files.writeString(tmp, review.toHtml(), StandardCharsets.UTF_8);
    Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    out.println("Twice-yearly review (AU-3, AU-4), 2026-01-01 to 2026-07-01, Asia/Shanghai, 08:30-18:00:");
    out.println("  events " + review.total() + ", actors " + review.actors() + ", denied " + review.denied().size()
        + ", bulk exports " + review.bulkExports().size() + ", exports without ticket "
        + review.exportsWithoutTicket().size() + ", outside hours " + review.outOfHours().size());
    out.println("  Markdown sections:");
    for (String l : review.toMarkdown().lines().toList()) {
      if (l.startsWith("## ") && l.endsWith(")")) {
        out.println("    " + l);
      }
    }
    out.println("  HTML report with charts: <work>/" + workDir.relativize(html) + " (the work folder is named at the end)");
    out.println();

    Files.createDirectories(tamperedDir);
    try (Stream<Path> s = Files.list(logDir)) {
      for (Path p : s.filter(p -> !p.getFileName().toString().endsWith(".lock")).toList()) {
        Files.copy(p, tamperedDir.resolve(p.getFileName()));
      }
    }
    Path segment;
    try (Stream<Path> s = Files.list(tamperedDir)) {
      segment = s.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().findFirst().orElseThrow();
    }
    List<String> segLines = new ArrayList<>(Files.readAllLines(segment, StandardCharsets.UTF_8));
    segLines.set(4, segLines.get(4).replace("\"denied\"", "\"x\"").replace("\"DENIED\"", "\"SUCCESS\""));
    Files.writeString(segment, String.join("\n", segLines) + "\n", StandardCharsets.UTF_8);
    VerificationReport tampered = AuditVerifier.verify(tamperedDir, key.publicKey());
    VerificationReport.Problem p = tampered.problem();
    out.println("An insider turns the denied access (seq 4) into a success in a copy of the log;");
    out.println("the verifier catches it:");
    out.println("  valid:  " + tampered.valid());
    out.println("  kind:   " + (p == null ? "-" : p.kind()));
    out.println("  seq:    " + (p == null ? "-" : p.seq()));
    out.println("  detail: " + (p == null ? "-" : p.detail()));
    return new Result(report.events(), report.valid(), deniedSeq, proofOk, html, review,
        p == null ? null : p.kind(), p == null ? -1 : p.seq());
  }

  private static void record(AuditLog log, List<String> lines, AuditEvent e) {
    long seq = log.append(e).seq();
    String data = e.object() == null ? "-" : e.object().dataset() + " x" + e.object().recordCount();
    lines.add(seq + "\t" + e.action() + "\t" + e.actor().user() + "\t" + e.outcome().status() + "\t" + data);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
