package org.govdatasec.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.SampleData;

/**
 * The demo's audit step (AU-1 to AU-4, USE-3, USE-4, TX-2): the registry's accesses are recorded in a
 * durable, tamper-evident {@link AuditLog}; the log is verified with the public key only, one event's
 * inclusion is proved against a signed checkpoint, the twice-yearly review is written as Markdown and
 * HTML, and a tampered copy of the log is caught.
 *
 * <p>In the demo, the log is the demo's one {@link DemoAuditLog}: every step recorded into it, and this step
 * verifies, proves and reviews the whole of it. Deterministic: the log's clock is moved by hand, event ids
 * are fixed, and neither the fresh SM2 key nor any signature is printed.
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
   * @param markdown the Markdown review report
   * @param stepEvents the number of events each step recorded, in the order the steps ran
   */
  public record Result(long events, boolean verified, long provedSeq, boolean proofVerified, Path html,
      ReviewReport review, Tamper tamperKind, long tamperSeq, Path markdown, Map<String, Long> stepEvents) {

    /**
     * Freezes the result.
     *
     * @param events the event count
     * @param verified whether the log verified
     * @param provedSeq the proved seq
     * @param proofVerified whether the proof verified
     * @param html the HTML report
     * @param review the review
     * @param tamperKind the tamper kind found
     * @param tamperSeq where
     * @param markdown the Markdown report
     * @param stepEvents events per step
     */
    public Result {
      stepEvents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepEvents));
    }
  }

  private static final String ORG = "南宁市民政局";
  private static final String SYSTEM = "citizen-registry";
  /** The review period: the first half of 2024, which holds every event of the demo. */
  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-07-01T00:00:00Z");

  private AuditStep() {}

  /**
   * Runs the step on a log of its own: opens a fresh {@link DemoAuditLog} in {@code workDir}, records the
   * step's accesses, then verifies, proves, reviews and tampers as {@link #run(PrintStream, Path,
   * DemoAuditLog)} does.
   *
   * @param out where to print
   * @param workDir a directory for the log, its public key, its tampered copy and the review reports
   *     (replaced each run)
   * @return what happened
   */
  public static Result run(PrintStream out, Path workDir) {
    try {
      deleteRecursively(workDir.resolve("audit-log"));
      deleteRecursively(workDir.resolve(TAMPERED));
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return run(out, workDir, DemoAuditLog.open(workDir));
  }

  /**
   * Runs the step at the end of the demo (AU-1 to AU-4, TX-2): records the step's own accesses into the
   * demo's one log, closes it, verifies the whole log under the public key only, prints the events per
   * step and action, proves the inclusion of the denied access against the latest signed checkpoint, writes
   * the twice-yearly review over the whole log (Markdown and HTML, each through a temp file and an atomic
   * move), and shows the verifier catching a tampered copy.
   *
   * @param out where to print
   * @param workDir a directory for the tampered copy and the review reports
   * @param demoLog the demo's open log; closed by this step
   * @return what happened
   */
  public static Result run(PrintStream out, Path workDir, DemoAuditLog demoLog) {
    try {
      return doRun(out, workDir, demoLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String TAMPERED = "audit-log-tampered";

  private static Result doRun(PrintStream out, Path workDir, DemoAuditLog demoLog) throws IOException {
    Files.createDirectories(workDir);
    Path logDir = demoLog.directory();
    Path tamperedDir = workDir.resolve(TAMPERED);
    deleteRecursively(tamperedDir);
    List<String> lines = new ArrayList<>();
    long deniedSeq;
    try (DemoAuditLog closing = demoLog) {
      AuditLog log = closing.log();
      closing.beginStep("audit");
      // Tuesday 18 June 2024, from 11:30 in Nanning.
      closing.setTime(Instant.parse("2024-06-18T03:30:00Z"));
      Actor caseworker = new Actor("wang.fang", "caseworker", ORG, SYSTEM);
      int n = 0;
      for (Citizen c : SampleData.citizens()) {
        closing.setTime(closing.now().plusSeconds(60));
        record(log, lines, AuditEvent.builder(Action.READ, caseworker).id("demo-" + (n++)).time(closing.now())
            .object(DataObject.records(SYSTEM, "citizen", List.of(c.citizenNo())).withFields(
                List.of("name", "idNumber", "mobile")))
            .level(Classification.general(4)).categories(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.MOBILE)
            .purpose("最低生活保障资格复核").legalBasis("社会救助暂行办法 第十一条").consentId("CONSENT-" + c.citizenNo())
            .sourceAddress("10.45.1.23").build());
      }
      closing.setTime(closing.now().plusSeconds(300));
      record(log, lines, AuditEvent.builder(Action.EXPORT, new Actor("chen.jing", "statistician", ORG, SYSTEM))
          .id("demo-" + (n++)).time(closing.now())
          .object(DataObject.bulk(SYSTEM, "district_statistics", 12_400)).level(Classification.IMPORTANT)
          .purpose("季度人口统计报送").approvalTicket("SP-2026-0042")
          .parties(new Parties(ORG, "南宁市大数据发展局", "南宁市统计局")).sourceAddress("10.45.1.40").build());
      closing.setTime(closing.now().plusSeconds(120));
      Citizen minor = SampleData.HUANG_SIYUAN;
      deniedSeq = record(log, lines, AuditEvent.builder(Action.READ, new Actor("liu.qiang", "clerk", ORG, SYSTEM))
          .id("demo-" + (n++)).time(closing.now())
          .object(DataObject.records(SYSTEM, "citizen", List.of(minor.citizenNo())))
          .level(Classification.general(4)).categories(PiCategory.MINORS, PiCategory.RESIDENT_ID)
          .outcome(Outcome.denied("no guardian consent for a child under 14 (PI-3)")).build());
      closing.setTime(closing.now().plusSeconds(600));
      record(log, lines, AuditEvent.builder(Action.DOWNLOAD, new Actor("zhao.lei", "clerk", ORG, SYSTEM))
          .id("demo-" + (n++)).time(closing.now()).object(DataObject.bulk(SYSTEM, "citizen", 1_500))
          .level(Classification.general(4)).categories(PiCategory.NAME, PiCategory.ADDRESS)
          .purpose("走访名单").sourceAddress("10.45.7.9").build());
      // 23:10 in Nanning: outside working hours (AU-4).
      closing.setTime(Instant.parse("2024-06-18T15:10:00Z"));
      record(log, lines, AuditEvent.builder(Action.READ, new Actor("zhao.lei", "clerk", ORG, SYSTEM))
          .id("demo-" + (n++)).time(closing.now())
          .object(DataObject.records(SYSTEM, "citizen", List.of(SampleData.LI_XIULAN.citizenNo())))
          .level(Classification.general(4)).categories(PiCategory.NAME, PiCategory.MOBILE)
          .sourceAddress("172.16.9.201").build());
    }
    TextTable table = new TextTable("seq", "action", "actor", "outcome", "data");
    lines.forEach(l -> {
      String[] f = l.split("\t", -1);
      table.row(f[0], f[1], f[2], f[3], f[4]);
    });
    out.println("The registry's accesses of this step, recorded through the AuditRecorder port into the demo's");
    out.println("one AuditLog (group commit: each append returns after fsync; SM2-signed checkpoint every "
        + DemoAuditLog.CHECKPOINT_EVERY + " events):");
    table.lines("  ").forEach(out::println);
    out.println();

    List<AuditReview.LoggedEvent> logged = AuditReview.readEvents(logDir);
    Map<String, Long> stepEvents = stepCounts(out, demoLog.stepStarts(), logged);

    VerificationReport report = AuditVerifier.verify(logDir, demoLog.publicKey());
    out.println("AuditVerifier.verify(<work>/" + logDir.getFileName() + ", <work>/" + demoLog.publicKeyFile()
        .getFileName() + ": the public key only), the whole demo's log:");
    out.println("  " + report.summary());
    out.println();

    List<Checkpoint> cps = AuditProofs.checkpoints(logDir);
    Checkpoint latest = cps.get(cps.size() - 1);
    InclusionProof proof = AuditProofs.inclusion(logDir, deniedSeq, latest.size());
    boolean proofOk = proof.verify(latest.root());
    out.println("Inclusion proof of the denied access (seq " + deniedSeq + ") against the signed checkpoint of size "
        + latest.size() + ":");
    out.println("(the log holds random ids, tickets and roots of the other steps: hashes are printed as …)");
    proof.toText().lines().forEach(l -> out.println("  " + GovernanceStep.mask(l)));
    out.println("  checkpoint root: " + GovernanceStep.mask(latest.rootHex()));
    out.println("  " + (proofOk ? "VERIFIED" : "NOT VERIFIED") + ": the proof leads to the signed root");
    out.println();

    ReviewReport review = AuditReview.builder().period(FROM, TO).bulkThreshold(1000).build().review(logged);
    Path html = workDir.resolve("audit-review.html");
    Path markdown = workDir.resolve("audit-review.md");
    writeAtomically(markdown, review.toMarkdown());
    writeAtomically(html, review.toHtml());
    out.println("Twice-yearly review (AU-3, AU-4) of the whole log, 2024-01-01 to 2024-07-01, Asia/Shanghai,"
        + " 08:30-18:00:");
    out.println("  events " + review.total() + ", actors " + review.actors() + ", denied " + review.denied().size()
        + ", bulk exports " + review.bulkExports().size() + ", exports without ticket "
        + review.exportsWithoutTicket().size() + ", outside hours " + review.outOfHours().size());
    out.println("  Markdown sections:");
    for (String l : review.toMarkdown().lines().toList()) {
      if (l.startsWith("## ") && l.endsWith(")")) {
        out.println("    " + l);
      }
    }
    out.println("  Markdown summary: <work>/" + workDir.getFileName() + "/" + markdown.getFileName()
        + "; HTML report with charts: <work>/" + workDir.getFileName() + "/" + html.getFileName());
    out.println();

    Files.createDirectories(tamperedDir);
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".lock")).sorted().toList()) {
        Files.copy(f, tamperedDir.resolve(f.getFileName()));
      }
    }
    String prefix = "{\"seq\":" + deniedSeq + ",";
    boolean changed = false;
    try (Stream<Path> files = Files.list(tamperedDir)) {
      for (Path segment : files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList()) {
        List<String> segLines = new ArrayList<>(Files.readAllLines(segment, StandardCharsets.UTF_8));
        for (int i = 0; i < segLines.size() && !changed; i++) {
          if (segLines.get(i).startsWith(prefix)) {
            segLines.set(i, segLines.get(i).replace("\"denied\"", "\"x\"").replace("\"DENIED\"", "\"SUCCESS\""));
            Files.writeString(segment, String.join("\n", segLines) + "\n", StandardCharsets.UTF_8);
            changed = true;
          }
        }
      }
    }
    VerificationReport tampered = AuditVerifier.verify(tamperedDir, demoLog.publicKey());
    VerificationReport.Problem p = tampered.problem();
    out.println("An insider turns the denied access (seq " + deniedSeq + ") into a success in a copy of the log"
        + (changed ? "" : " (NOT FOUND in the copy)") + ";");
    out.println("the verifier catches it:");
    out.println("  valid:  " + tampered.valid());
    out.println("  kind:   " + (p == null ? "-" : p.kind()));
    out.println("  seq:    " + (p == null ? "-" : p.seq()));
    out.println("  detail: " + (p == null ? "-" : GovernanceStep.mask(p.detail())));
    return new Result(report.events(), report.valid(), deniedSeq, proofOk, html, review,
        p == null ? null : p.kind(), p == null ? -1 : p.seq(), markdown, stepEvents);
  }

  /** Prints the events per step and action, and returns the events per step. */
  private static Map<String, Long> stepCounts(PrintStream out, Map<String, Long> starts,
      List<AuditReview.LoggedEvent> logged) {
    List<Map.Entry<String, Long>> steps = new ArrayList<>(starts.entrySet());
    Map<String, Long> perStep = new LinkedHashMap<>();
    Map<String, Map<Action, long[]>> perAction = new LinkedHashMap<>();
    steps.forEach(e -> {
      perStep.put(e.getKey(), 0L);
      perAction.put(e.getKey(), new TreeMap<>());
    });
    for (AuditReview.LoggedEvent e : logged) {
      String step = "(before the steps)";
      for (Map.Entry<String, Long> s : steps) {
        if (e.seq() >= s.getValue()) {
          step = s.getKey();
        }
      }
      perStep.merge(step, 1L, Long::sum);
      long[] c = perAction.computeIfAbsent(step, k -> new TreeMap<>()).computeIfAbsent(e.event().action(),
          k -> new long[3]);
      c[e.event().outcome().status().ordinal()]++;
    }
    out.println("The whole log, per step and action (" + logged.size() + " events):");
    TextTable t = new TextTable("step", "seq", "action", "success", "denied", "failed");
    for (Map.Entry<String, Map<Action, long[]>> s : perAction.entrySet()) {
      boolean first = true;
      long from = starts.getOrDefault(s.getKey(), 0L);
      String range = from + ".." + (from + perStep.getOrDefault(s.getKey(), 0L) - 1);
      for (Map.Entry<Action, long[]> a : s.getValue().entrySet()) {
        long[] c = a.getValue();
        t.row(first ? s.getKey() : "", first ? range : "", a.getKey(), c[0], c[1], c[2]);
        first = false;
      }
    }
    t.lines("  ").forEach(out::println);
    out.println("  per step: " + perStep.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ")));
    out.println();
    return perStep;
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static long record(AuditLog log, List<String> lines, AuditEvent e) {
    long seq = log.append(e).seq();
    String data = e.object() == null ? "-" : e.object().dataset() + " x" + e.object().recordCount();
    lines.add(seq + "\t" + e.action() + "\t" + e.actor().user() + "\t" + e.outcome().status() + "\t" + data);
    return seq;
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
