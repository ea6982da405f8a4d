package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.govdatasec.crypto.SecretKeyAccess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AU-1, AU-2: a child JVM appends from 4 threads and is killed with SIGKILL at random moments, 50 times
 * (fixed seed). After each kill the log opens (recovering a torn tail), verifies, and holds every event
 * whose append had returned in the child.
 */
class CrashIT {
  private static final int RUNS = 50;

  @TempDir
  Path tmp;

  @Test
  @DisplayName("AU-1, AU-2: kill -9 at 50 random moments loses no acknowledged event and the log always verifies")
  void killNineFiftyTimes() throws Exception {
    Path dir = tmp.resolve("log");
    Path keyFile = tmp.resolve("key.pem");
    Files.writeString(keyFile, TestLogs.KEY.toPem(SecretKeyAccess.insecure()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Random random = new Random(20240621L);
    Map<Long, String> acked = new HashMap<>();
    int recoveries = 0;
    for (int run = 0; run < RUNS; run++) {
      ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
          "-cp", System.getProperty("java.class.path"), CrashAppender.class.getName(), dir.toString(),
          keyFile.toString(), Integer.toString(run), "4");
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      List<String> lines = new ArrayList<>();
      CountDownLatch opened = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(line);
            }
            if (line.startsWith("open ")) {
              opened.countDown();
            }
          }
        } catch (java.io.IOException e) {
          // the child was killed
        }
      });
      reader.start();
      if (run % 5 == 4) {
        // Sometimes kill while the child is still starting or recovering.
        Thread.sleep(random.nextInt(900));
      } else {
        assertTrue(opened.await(30, TimeUnit.SECONDS), "child did not open the log in run " + run);
        Thread.sleep(20 + random.nextInt(250));
      }
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      reader.join(10_000);
      synchronized (lines) {
        for (String line : lines) {
          String[] f = line.split(" ");
          if (f.length == 3 && f[0].equals("ack")) {
            acked.put(Long.parseLong(f[1]), f[2]);
          }
        }
      }
      VerificationReport before = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
      if (!before.valid()) {
        assertEquals(Tamper.MALFORMED, before.problem().kind(), "only a torn tail is allowed: " + before.summary());
      }
      try (AuditLog log = TestLogs.builder(dir).origin("crash.test").open()) {
        if (log.recovery().isPresent()) {
          recoveries++;
        }
      }
      VerificationReport after = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
      assertTrue(after.valid(), "run " + run + ": " + after.summary());
      Map<Long, String> present = new HashMap<>();
      for (AuditReview.LoggedEvent e : AuditReview.readEvents(dir)) {
        present.put(e.seq(), e.event().id());
      }
      for (Map.Entry<Long, String> a : acked.entrySet()) {
        assertEquals(a.getValue(), present.get(a.getKey()), "run " + run + ": acknowledged seq " + a.getKey());
      }
    }
    assertTrue(acked.size() > RUNS, "the children acknowledged events: " + acked.size());
    System.out.println("CrashIT: " + RUNS + " kills, " + acked.size() + " acknowledged events, " + recoveries
        + " torn tails recovered");
  }
}
