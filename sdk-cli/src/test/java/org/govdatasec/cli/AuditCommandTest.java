package org.govdatasec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.govdatasec.audit.AuditLog;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** AU-2, AU-3: {@code govdatasec audit} verify, prove, consistency and review, with their exit codes. */
class AuditCommandTest {
  @TempDir
  static Path tmp;
  static Path log;
  static Path pub;

  @BeforeAll
  static void writeLog() throws IOException {
    Sm2PrivateKey key = Sm2PrivateKey.generate();
    log = tmp.resolve("log");
    pub = tmp.resolve("audit.pub.pem");
    Files.writeString(pub, key.publicKey().toPem());
    Instant t = Instant.parse("2026-03-02T02:00:00Z");
    try (AuditLog l = AuditLog.builder().directory(log).signer(key).origin("cli.test").checkpointEvery(5).open()) {
      for (int i = 0; i < 12; i++) {
        l.append(AuditEvent.builder(i == 3 ? Action.EXPORT : Action.READ, Actor.user(i == 7 ? "<script>x" : "u" + i))
            .time(t.plusSeconds(i)).object(DataObject.bulk("registry", "citizen", i == 3 ? 5000 : 1))
            .outcome(i == 9 ? Outcome.denied("no consent") : Outcome.SUCCESS).build());
      }
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new AuditCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path copyLog(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(log)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    return dir;
  }

  @Test
  @DisplayName("AU-2: verify exits 0 on a sound log and 1 with the seq and kind on a tampered copy")
  void verify() throws IOException {
    Run ok = run("verify", log.toString(), "--key", pub.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().startsWith("OK: entries 0..11 (12), 3 signed checkpoints"), ok.out());
    Path bad = copyLog("tampered");
    Path seg;
    try (Stream<Path> s = Files.list(bad)) {
      seg = s.filter(p -> p.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(seg, StandardCharsets.UTF_8);
    lines.set(4, lines.get(4).replace("\"u4\"", "\"u5\""));
    Files.write(seg, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    Run r = run("verify", bad.toString(), "--key", pub.toString());
    assertEquals(AuditCommand.NOT_VERIFIED, r.code());
    assertTrue(r.out().startsWith("FAILED: MODIFIED at seq 4"), r.out());
  }

  @Test
  @DisplayName("AU-2: prove prints an inclusion proof checked against the latest signed checkpoint")
  void prove() {
    Run r = run("prove", log.toString(), "--key", pub.toString(), "--seq", "6");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("seq: 6\ntree size: 12\n"), r.out());
    assertTrue(r.out().contains("VERIFIED: seq 6 is in the signed tree of size 12"), r.out());
    Run old = run("prove", log.toString(), "--key", pub.toString(), "--seq", "2", "--size", "5");
    assertEquals(0, old.code(), old.err());
    Run missing = run("prove", log.toString(), "--key", pub.toString(), "--seq", "2", "--size", "7");
    assertEquals(AuditCommand.REFUSED, missing.code());
    assertTrue(missing.err().contains("GDS-AUDIT-013"), missing.err());
  }

  @Test
  @DisplayName("AU-2: consistency proves the log was only appended to; a wrong old root exits 1")
  void consistency() {
    Run r = run("consistency", log.toString(), "--key", pub.toString(), "--first", "5");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("VERIFIED: the tree of size 12 extends the tree of size 5"), r.out());
    Run wrong = run("consistency", log.toString(), "--key", pub.toString(), "--first", "5", "--first-root",
        "00".repeat(32));
    assertEquals(AuditCommand.NOT_VERIFIED, wrong.code());
  }

  @Test
  @DisplayName("AU-3, AU-4: review writes Markdown and self-contained HTML; the <script> actor is escaped")
  void review() throws IOException {
    Path html = tmp.resolve("review.html");
    Path md = tmp.resolve("review.md");
    Run r = run("review", log.toString(), "--from", "2026-01-01", "--to", "2026-07-01", "--html", html.toString(),
        "--markdown", md.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("12 events reviewed; 1 denied, 1 bulk exports, 1 exports without ticket"), r.out());
    String page = Files.readString(html);
    assertTrue(page.contains("&lt;script&gt;x"));
    assertFalse(page.contains("<script"));
    assertTrue(Files.readString(md).contains("# Audit log review"));
  }

  @Test
  @DisplayName("Bad input exits 3 with a GDS-AUDIT code; bad usage exits 2")
  void badInput() {
    Run period = run("review", log.toString(), "--from", "2026-07-01", "--to", "2026-01-01");
    assertEquals(AuditCommand.REFUSED, period.code());
    assertTrue(period.err().contains("GDS-AUDIT-016"), period.err());
    Run date = run("review", log.toString(), "--from", "July", "--to", "2026-01-01");
    assertEquals(AuditCommand.REFUSED, date.code());
    Run key = run("verify", log.toString(), "--key", tmp.resolve("nope.pem").toString());
    assertEquals(AuditCommand.REFUSED, key.code());
    assertTrue(key.err().contains("GDS-AUDIT-014"), key.err());
    Run dir = run("verify", tmp.resolve("nolog").toString(), "--key", pub.toString());
    assertEquals(AuditCommand.REFUSED, dir.code());
    assertEquals(2, run("verify", log.toString()).code(), "missing --key");
    assertEquals(0, run().code(), "usage");
  }
}
