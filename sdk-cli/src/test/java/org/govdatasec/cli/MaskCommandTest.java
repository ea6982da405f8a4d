package org.govdatasec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** USE-5: govdatasec mask through picocli, with exit codes. */
class MaskCommandTest {
  private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private static final String SPEC = "files:\n  people.csv:\n    quasi-identifiers: [gender]\n    columns:\n"
      + "      id: RESIDENT_ID\n      gender: {strategy: KEEP}\n      note: {strategy: KEEP}\n";
  private static final String PEOPLE = "id,gender,note\n11010519491231002X,女,a\n450103198203150311,男,b\n";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String env, String... args) {
    CommandLine cl = new CommandLine(new MaskCommand(name -> env));
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private static Path setUp(Path tmp, String people) throws Exception {
    Files.createDirectories(tmp.resolve("in"));
    Files.writeString(tmp.resolve("in/people.csv"), people, StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("spec.yaml"), SPEC, StandardCharsets.UTF_8);
    Path key = tmp.resolve("mask.key");
    Files.writeString(key, KEY);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    return key;
  }

  @Test
  @DisplayName("0: masks with a key file and prints the k-anonymity summary")
  void masks(@TempDir Path tmp) throws Exception {
    Path key = setUp(tmp, PEOPLE);
    int code = run(null, "--spec", tmp.resolve("spec.yaml").toString(), "--key", key.toString(),
        tmp.resolve("in").toString(), tmp.resolve("out").toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("people.csv: 2 rows"), out.toString());
    assertTrue(out.toString().contains("k = 1 over [gender]"), out.toString());
    assertFalse(Files.readString(tmp.resolve("out/people.csv")).contains("11010519491231002X"));
  }

  @Test
  @DisplayName("0: the key from GOVDATASEC_MASKING_KEY gives the same output as the key file")
  void keyFromEnvironment(@TempDir Path tmp) throws Exception {
    Path key = setUp(tmp, PEOPLE);
    assertEquals(0, run(null, "--spec", tmp.resolve("spec.yaml").toString(), "--key", key.toString(),
        tmp.resolve("in").toString(), tmp.resolve("a").toString()));
    assertEquals(0, run(KEY, "--spec", tmp.resolve("spec.yaml").toString(), tmp.resolve("in").toString(),
        tmp.resolve("b").toString()));
    assertEquals(Files.readString(tmp.resolve("a/people.csv")), Files.readString(tmp.resolve("b/people.csv")));
  }

  @Test
  @DisplayName("1: no key, a world-readable key file, a planted leak; 2: a usage error")
  void refusals(@TempDir Path tmp) throws Exception {
    Path key = setUp(tmp, PEOPLE);
    String[] base = {"--spec", tmp.resolve("spec.yaml").toString(), tmp.resolve("in").toString(), tmp.resolve("out").toString()};
    assertEquals(GovDataSec.REFUSED, run(null, base));
    assertTrue(err.toString().contains("no key"));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(GovDataSec.REFUSED, run(null, "--key", key.toString(), base[0], base[1], base[2], base[3]));
    assertTrue(err.toString().contains("GDS-MASK-008"), err.toString());
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(tmp.resolve("in/people.csv"), PEOPLE + "450102198507220466,女,11010519491231002X\n");
    assertEquals(GovDataSec.REFUSED, run(null, "--key", key.toString(), base[0], base[1], base[2], base[3]));
    assertTrue(err.toString().contains("GDS-MASK-015"), err.toString());
    assertFalse(Files.exists(tmp.resolve("out/people.csv")));
    assertEquals(2, run(null, "--key", key.toString()));
  }
}
