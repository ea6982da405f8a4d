package org.govdatasec.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the OpenSSL 3 command line for interoperability tests. Where {@code openssl} is missing the tests
 * are skipped, except under {@code CI=true}, where they must run: a CI machine without OpenSSL fails.
 */
final class OpenSsl {
  private static final boolean AVAILABLE = probe();

  private OpenSsl() {}

  private static boolean probe() {
    try {
      Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.startsWith("OpenSSL 3");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Skips the test where OpenSSL 3 is missing; fails instead when {@code CI=true}. */
  static void require() {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      assertEquals(true, AVAILABLE, "CI=true: the OpenSSL 3 interoperability tests must run, but no 'openssl' 3.x is on the PATH");
    }
    assumeTrue(AVAILABLE, "openssl 3 is not on the PATH");
  }

  /**
   * Runs openssl with arguments and standard input, returning standard output; fails on a non-zero exit.
   */
  static byte[] run(byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    Thread feeder = new Thread(() -> {
      try (OutputStream os = p.getOutputStream()) {
        os.write(stdin);
      } catch (IOException ignored) {
        // the process closed its input early; its exit code tells
      }
    });
    feeder.start();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
    errReader.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("openssl " + args[0] + " timed out");
    }
    feeder.join();
    errReader.join();
    if (p.exitValue() != 0) {
      throw new IOException("openssl " + String.join(" ", args) + " failed: " + err);
    }
    return out;
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException ignored) {
      // reported through the exit code
    }
  }
}
