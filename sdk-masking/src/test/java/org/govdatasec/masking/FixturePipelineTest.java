package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** USE-5, PI-5: the fixture pipeline end to end on small files. */
class FixturePipelineTest {
  private static final MaskingKey KEY = MaskingKey.fromBytes(filled(3));
  static final MaskingKey KEY_FOR_TESTS = KEY;

  static byte[] filled(int b) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) b);
    return k;
  }

  static final String CITIZENS = "id_number,name,mobile,birth_date,gender,address,remarks\n"
      + "450103198203150311,黄志强,13907711234,1982-03-15,男,广西壮族自治区南宁市青秀区东葛路118号,\"户主, 联系电话13907711234\"\n"
      + "450102198507220466,李秀兰,13807715678,1985-07-22,女,广西壮族自治区南宁市兴宁区民主路5号,\n"
      + "11010519491231002X,欧阳娜娜,18907713333,1949-12-31,女,北京市西城区金融街1号,\n"
      + "450103201611020174,黄思远,15907719999,2016-11-02,男,广西壮族自治区南宁市青秀区东葛路118号,\n";
  static final String APPLICATIONS = "application_no,applicant_id,bank_card\n"
      + "DB-2024-001,450103198203150311,6222021234567890128\n"
      + "DB-2024-002,11010519491231002X,4111111111111111\n";
  static final String SPEC = "version: 1\n"
      + "profile: TEST_FIXTURE\n"
      + "min-k: 1\n"
      + "files:\n"
      + "  citizens.csv:\n"
      + "    quasi-identifiers: [birth_date, gender]\n"
      + "    columns:\n"
      + "      id_number: {category: RESIDENT_ID, join: citizen-id}\n"
      + "      name: NAME\n"
      + "      mobile: {category: MOBILE}\n"
      + "      birth_date: {category: BIRTH_DATE, strategy: GENERALISE, generalise: decade}\n"
      + "      gender: {strategy: KEEP}\n"
      + "      address: {category: ADDRESS}\n"
      + "      remarks: {format: FREE_TEXT, strategy: PSEUDONYMISE}\n"
      + "  applications.csv:\n"
      + "    columns:\n"
      + "      application_no: {strategy: KEEP}\n"
      + "      applicant_id: {category: RESIDENT_ID, join: citizen-id}\n"
      + "      bank_card: BANK_CARD\n";

  private static void write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static MaskReport run(Path in, Path out, String spec) {
    return FixturePipeline.builder().spec(MaskSpec.parse(spec, "spec.yaml")).key(KEY).input(in).output(out).build().run();
  }

  private static List<String[]> rows(Path file) throws IOException {
    return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", -1)).collect(Collectors.toList());
  }

  @Test
  @DisplayName("Referential integrity: citizens.id_number still joins applications.applicant_id, across runs")
  void joinsAcrossFilesAndRuns(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    write(in, "citizens.csv", CITIZENS);
    write(in, "applications.csv", APPLICATIONS);
    MaskReport report = run(in, tmp.resolve("out"), SPEC);
    assertTrue(report.passed());
    List<String[]> citizens = rows(tmp.resolve("out/citizens.csv"));
    List<String[]> apps = rows(tmp.resolve("out/applications.csv"));
    assertEquals(citizens.get(0)[0], apps.get(0)[1]);
    assertEquals(citizens.get(2)[0], apps.get(1)[1]);
    assertNotEquals("450103198203150311", citizens.get(0)[0]);
    for (String[] c : citizens) {
      assertTrue(Validators.isResidentId(c[0]));
      assertTrue(Validators.isMobile(c[2]));
      assertTrue(Validators.isChineseName(c[1]));
    }
    assertEquals("1980-1989", citizens.get(0)[3]);
    assertTrue(citizens.get(0)[5].startsWith("广西壮族自治区南宁市青秀区"), citizens.get(0)[5]);
    assertFalse(Files.readString(tmp.resolve("out/citizens.csv")).contains("13907711234"), "mobile inside remarks masked");
    run(in, tmp.resolve("out2"), SPEC);
    assertEquals(Files.readString(tmp.resolve("out/citizens.csv")), Files.readString(tmp.resolve("out2/citizens.csv")),
        "same key, same input: byte-identical output");
    assertTrue(Files.exists(tmp.resolve("out/" + FixturePipeline.REPORT_MD)));
    try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
      assertEquals(Set.of("citizens.csv", "applications.csv", "masking-report.md", "masking-report.json"),
          s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()), "no temporary file left");
    }
  }

  @Test
  @DisplayName("Leak scan: a source ID kept in a KEEP column is caught; nothing but the report is written")
  void leakScanCatchesPlantedLeak(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    write(in, "citizens.csv", CITIZENS);
    write(in, "applications.csv", APPLICATIONS.replace("DB-2024-002", "450102198507220466"));
    MaskingException e = assertThrows(MaskingException.class, () -> run(in, tmp.resolve("out"), SPEC));
    assertEquals(MaskError.LEAK_FOUND, e.error());
    assertTrue(e.getMessage().contains("applications.csv:3:1"), e.getMessage());
    assertFalse(e.getMessage().contains("450102198507220466"), "the message never holds the value");
    assertFalse(Files.exists(tmp.resolve("out/citizens.csv")));
    assertFalse(Files.exists(tmp.resolve("out/applications.csv")));
    assertTrue(Files.readString(tmp.resolve("out/masking-report.md")).contains("FAILED"));
  }

  @Test
  @DisplayName("k-anonymity on a known table: gender x decade gives k = 1; min-k 2 fails with the report written")
  void kAnonymityKnownTable(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    write(in, "citizens.csv", CITIZENS);
    write(in, "applications.csv", APPLICATIONS);
    MaskReport report = run(in, tmp.resolve("out"), SPEC);
    KAnonymity k = report.files().get(0).kAnonymity().orElseThrow();
    // classes: (1980s, 男), (1980s, 女), (1940s, 女), (2010s, 男) -> 4 classes of 1
    assertEquals(4, k.classes());
    assertEquals(1, k.k());
    assertEquals(1.0, k.maxRisk());
    assertEquals(1.0, k.averageRisk());
    String spec = SPEC.replace("quasi-identifiers: [birth_date, gender]", "quasi-identifiers: [gender]").replace("min-k: 1", "min-k: 2");
    MaskReport two = run(in, tmp.resolve("out2"), spec);
    assertEquals(2, two.files().get(0).kAnonymity().orElseThrow().k());
    assertEquals(0.5, two.files().get(0).kAnonymity().orElseThrow().averageRisk());
    MaskingException e = assertThrows(MaskingException.class,
        () -> run(in, tmp.resolve("out3"), spec.replace("min-k: 2", "min-k: 3")));
    assertEquals(MaskError.K_BELOW_MINIMUM, e.error());
    assertTrue(Files.readString(tmp.resolve("out3/masking-report.json")).contains("\"k\":2"));
    assertFalse(Files.exists(tmp.resolve("out3/citizens.csv")));
  }

  @Test
  @DisplayName("Bad input: unbalanced quote, ragged row, unlisted column, invalid ID; errors give file:line:column; no output")
  void badInput(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    write(in, "applications.csv", APPLICATIONS);
    String spec = "files:\n  applications.csv:\n    columns:\n      application_no: {strategy: KEEP}\n"
        + "      applicant_id: {category: RESIDENT_ID}\n      bank_card: BANK_CARD\n";
    write(in, "applications.csv", APPLICATIONS + "DB-3,\"450103198203150311,6222021234567890128\n");
    MaskingException e = assertThrows(MaskingException.class, () -> run(in, tmp.resolve("out"), spec));
    assertEquals(MaskError.MALFORMED_CSV, e.error());
    assertEquals("applications.csv:4:6", e.location().orElseThrow());

    write(in, "applications.csv", APPLICATIONS + "DB-3,450103198203150311\n");
    e = assertThrows(MaskingException.class, () -> run(in, tmp.resolve("out"), spec));
    assertEquals(MaskError.MALFORMED_CSV, e.error());
    assertTrue(e.location().orElseThrow().startsWith("applications.csv:4:"));

    write(in, "applications.csv", "application_no,applicant_id,bank_card,phone\n");
    e = assertThrows(MaskingException.class, () -> run(in, tmp.resolve("out"), spec));
    assertEquals(MaskError.UNLISTED_COLUMN, e.error());
    assertEquals("applications.csv:1:4", e.location().orElseThrow());

    write(in, "applications.csv", APPLICATIONS + "DB-3,450103198203150312,4111111111111111\n");
    e = assertThrows(MaskingException.class, () -> run(in, tmp.resolve("out"), spec));
    assertEquals(MaskError.INVALID_VALUE, e.error());
    assertEquals("applications.csv:4:2", e.location().orElseThrow());
    assertFalse(e.getMessage().contains("450103198203150312"));
    try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
      assertEquals(0, s.count(), "a failed run leaves no output and no temporary file");
    }

    MaskReport generic = run(in, tmp.resolve("out"), spec.replace("files:", "on-invalid: generic\nfiles:"));
    assertEquals(1, generic.files().get(0).invalidValues());
    String out = Files.readString(tmp.resolve("out/applications.csv"));
    assertFalse(out.contains("450103198203150312"), "an invalid value is masked as generic text, never passed through");
  }

  @Test
  @DisplayName("JSON Lines in and out: KEEP keeps the JSON type, SUPPRESS writes null, a bad line names its line")
  void jsonLines(@TempDir Path tmp) throws IOException {
    Path in = tmp.resolve("in");
    write(in, "people.jsonl", "{\"id\":\"11010519491231002X\",\"age\":75,\"notes\":\"x\"}\n\n{\"id\":\"450103198203150311\",\"age\":42}\n");
    String spec = "files:\n  people.jsonl:\n    columns:\n      id: RESIDENT_ID\n      age: {strategy: KEEP}\n      notes: {strategy: SUPPRESS}\n";
    run(in, tmp.resolve("out"), spec);
    List<String> lines = Files.readAllLines(tmp.resolve("out/people.jsonl"));
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("\"age\":75") && lines.get(0).contains("\"notes\":null"), lines.get(0));
    assertFalse(lines.get(0).contains("11010519491231002X"));
    write(in, "people.jsonl", "{\"id\":\"11010519491231002X\"}\n{\"id\": oops}\n");
    MaskingException e = assertThrows(MaskingException.class, () -> run(in, tmp.resolve("out3"), spec));
    assertEquals(MaskError.MALFORMED_JSON, e.error());
    assertTrue(e.location().orElseThrow().startsWith("people.jsonl:2:"));
  }
}
