package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.core.testing.MutableClock;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AU-2: every kind of tampering is caught and located exactly, on a real log. */
class TamperTest {
  @TempDir
  static Path root;
  static Path original;

  @BeforeAll
  static void writeLog() {
    original = root.resolve("log");
    MutableClock clock = new MutableClock(TestLogs.T0);
    try (AuditLog log = TestLogs.builder(original).clock(clock).checkpointEvery(10).open()) {
      for (int i = 0; i < 30; i++) {
        clock.advance(1000);
        log.append(TestLogs.event(i));
      }
    }
  }

  private static Path segment(Path dir) throws IOException {
    List<Path> segs = LogFiles.segments(dir);
    assertEquals(1, segs.size());
    return segs.get(0);
  }

  private static Path copy(String name) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    try (var s = Files.list(original)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    return dir;
  }

  private static VerificationReport.Problem tamperLines(String name, Consumer<List<String>> edit) throws IOException {
    Path dir = copy(name);
    Path seg = segment(dir);
    List<String> lines = new ArrayList<>(Files.readAllLines(seg, StandardCharsets.UTF_8));
    edit.accept(lines);
    Files.write(seg, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return problem(dir);
  }

  private static VerificationReport.Problem problem(Path dir) {
    VerificationReport r = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(r.firstProblem().isPresent(), "tampering in " + dir.getFileName() + " was not detected");
    return r.problem();
  }

  private static void expect(VerificationReport.Problem p, Tamper kind, long seq) {
    assertEquals(kind, p.kind(), p.toString());
    assertEquals(seq, p.seq(), p.toString());
  }

  @Test
  @DisplayName("AU-2: the untouched log verifies")
  void clean() {
    VerificationReport r = AuditVerifier.verify(original, TestLogs.KEY.publicKey());
    assertTrue(r.valid(), r.summary());
    assertEquals(3, r.checkpoints());
  }

  @Test
  @DisplayName("AU-2: an edited field is MODIFIED at its exact seq")
  void modified() throws IOException {
    expect(tamperLines("modified", l -> l.set(13, l.get(13).replace("\"user3\"", "\"userX\""))), Tamper.MODIFIED, 13);
  }

  @Test
  @DisplayName("AU-2: an edit with a recomputed stored hash is MODIFIED, located by the checkpoints")
  void modifiedAndRehashed() throws IOException {
    VerificationReport.Problem p = tamperLines("rehashed", l -> {
      String line = l.get(13).replace("\"user3\"", "\"userX\"");
      String entry = line.substring(0, line.length() - LogFiles.LEAF_SUFFIX) + "}";
      byte[] in = ("\0" + entry).getBytes(StandardCharsets.UTF_8);
      String leaf = HexFormat.of().formatHex(Sm3.hash(in));
      l.set(13, line.substring(0, line.length() - 66) + leaf + "\"}");
    });
    expect(p, Tamper.MODIFIED, 10);
    assertTrue(p.detail().contains("10..19"), p.detail());
  }

  @Test
  @DisplayName("AU-2: a duplicated line is INSERTED at the position it took")
  void inserted() throws IOException {
    expect(tamperLines("inserted", l -> l.add(6, l.get(5))), Tamper.INSERTED, 6);
  }

  @Test
  @DisplayName("AU-2: a removed line is DELETED at its seq")
  void deleted() throws IOException {
    expect(tamperLines("deleted", l -> l.remove(7)), Tamper.DELETED, 7);
  }

  @Test
  @DisplayName("AU-2: swapped lines are REORDERED at the first displaced seq")
  void reordered() throws IOException {
    expect(tamperLines("reordered", l -> Collections.swap(l, 15, 16)), Tamper.REORDERED, 15);
  }

  @Test
  @DisplayName("AU-2: lines cut after a checkpoint are TRUNCATED at the first missing seq")
  void truncated() throws IOException {
    expect(tamperLines("truncated", l -> l.subList(27, 30).clear()), Tamper.TRUNCATED, 27);
  }

  @Test
  @DisplayName("AU-2: invalid UTF-8 and broken JSON are MALFORMED at their seq")
  void malformed() throws IOException {
    Path dir = copy("utf8");
    Path seg = segment(dir);
    byte[] b = Files.readAllBytes(seg);
    int line4 = 0;
    for (int n = 0; n < 4; line4++) {
      if (b[line4] == '\n') {
        n++;
      }
    }
    int at = line4 + 60;
    b[at] = (byte) 0xC3;
    b[at + 1] = (byte) 0x28;
    Files.write(seg, b);
    VerificationReport.Problem p = problem(dir);
    expect(p, Tamper.MALFORMED, 4);
    assertTrue(p.detail().contains("UTF-8"), p.detail());
    expect(tamperLines("json", l -> l.set(8, l.get(8).replace("\"action\":\"READ\"", "\"action\":READ"))),
        Tamper.MALFORMED, 8);
    expect(tamperLines("layout", l -> l.set(9, l.get(9).replace("\"leaf\"", "\"lief\""))), Tamper.MALFORMED, 9);
  }

  @Test
  @DisplayName("AU-2: a forged checkpoint or the wrong key is BAD_SIGNATURE at the checkpoint's size")
  void badSignature() throws IOException {
    Path dir = copy("signature");
    Path cps = dir.resolve(LogFiles.CHECKPOINTS);
    List<String> lines = new ArrayList<>(Files.readAllLines(cps));
    lines.set(1, lines.get(1).replace("\"size\":20", "\"size\":19"));
    Files.write(cps, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    expect(problem(dir), Tamper.BAD_SIGNATURE, 19);
    VerificationReport other = AuditVerifier.verify(original, Sm2PrivateKey.generate().publicKey());
    expect(other.problem(), Tamper.BAD_SIGNATURE, 10);
  }

  @Test
  @DisplayName("AU-2: a deleted checkpoint line leaves the log verifiable from the others (signatures still hold)")
  void droppedCheckpointStillConsistent() throws IOException {
    Path dir = copy("dropcp");
    Path cps = dir.resolve(LogFiles.CHECKPOINTS);
    List<String> lines = new ArrayList<>(Files.readAllLines(cps));
    lines.remove(1);
    Files.write(cps, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    VerificationReport r = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(r.valid(), r.summary());
    assertEquals(2, r.checkpoints());
  }
}
