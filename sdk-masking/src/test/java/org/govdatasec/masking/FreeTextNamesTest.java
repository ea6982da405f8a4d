package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PI-5, USE-5: free text that names the row's own person is masked with the same pseudonym as the name
 * column, and identifiers inside it are masked too; the name never survives into the fixture.
 */
class FreeTextNamesTest {

  private static final String SPEC = "version: 1\n"
      + "profile: TEST_FIXTURE\n"
      + "files:\n"
      + "  citizens.csv:\n"
      + "    columns:\n"
      + "      name: NAME\n"
      + "      guardian: NAME\n"
      + "      mobile: {category: MOBILE}\n"
      + "      remarks: {format: FREE_TEXT, strategy: PSEUDONYMISE}\n";

  @Test
  @DisplayName("names the row holds are replaced inside its free text by their pseudonyms, in CSV and JSON Lines")
  void rowNamesInFreeText(@TempDir Path tmp) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("citizens.csv"), "name,guardian,mobile,remarks\n"
        + "黄思远,黄志强,13907711234,监护人黄志强代办；黄思远本人未到场，联系13907711234\n"
        + "李秀兰,,13807715678,本人办理\n", StandardCharsets.UTF_8);
    MaskReport report = FixturePipeline.builder().spec(MaskSpec.parse(SPEC, "spec.yaml"))
        .key(FixturePipelineTest.KEY_FOR_TESTS).input(in).output(tmp.resolve("out")).build().run();
    assertTrue(report.passed());
    List<String> lines = Files.readAllLines(tmp.resolve("out").resolve("citizens.csv"), StandardCharsets.UTF_8);
    String[] first = lines.get(1).split(",", -1);
    String child = first[0];
    String guardian = first[1];
    String remarks = first[3];
    assertFalse(remarks.contains("黄思远") || remarks.contains("黄志强") || remarks.contains("13907711234"), remarks);
    assertEquals("监护人" + guardian + "代办；" + child + "本人未到场，联系", remarks.substring(0, remarks.length() - 11));
    assertTrue(remarks.substring(remarks.length() - 11).matches("1\\d{10}"), remarks);
    assertEquals("本人办理", lines.get(2).split(",", -1)[3], "text without names or identifiers is kept");
  }
}
