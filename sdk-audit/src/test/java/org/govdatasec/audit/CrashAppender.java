package org.govdatasec.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.SecretKeyAccess;

/**
 * The child process of {@link CrashIT}: appends from several threads forever and prints
 * {@code ack <seq> <id>} after each {@code append} returned. Arguments: directory, private key PEM file,
 * run number, threads.
 */
public final class CrashAppender {
  private CrashAppender() {}

  /**
   * Runs until killed.
   *
   * @param args directory, key file, run, threads
   * @throws Exception never in practice
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Sm2PrivateKey key = Sm2PrivateKey.fromPem(java.nio.file.Files.readString(Path.of(args[1])),
        SecretKeyAccess.insecure());
    int run = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
        StandardCharsets.UTF_8);
    AuditLog log = AuditLog.builder().directory(dir).signer(key).origin("crash.test").checkpointEvery(50).open();
    out.println("open " + log.size());
    out.flush();
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int tt = t;
      Thread th = new Thread(() -> {
        for (int i = 0; ; i++) {
          String id = "r" + run + "-t" + tt + "-" + i;
          AppendReceipt r = log.append(TestLogs.eventWithId(id, i));
          synchronized (out) {
            out.println("ack " + r.seq() + " " + id);
            out.flush();
          }
        }
      });
      th.start();
      ts.add(th);
    }
    for (Thread th : ts) {
      th.join();
    }
  }
}
