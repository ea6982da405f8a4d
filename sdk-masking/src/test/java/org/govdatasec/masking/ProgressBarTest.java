package org.govdatasec.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * USE-5: a large input shows a progress bar on the stream it is given (the CLI gives stderr, only when a
 * console is attached); a small one shows none.
 */
class ProgressBarTest {

  private static final String SPEC = "version: 1\n"
      + "profile: TEST_FIXTURE\n"
      + "files:\n"
      + "  big.csv:\n"
      + "    columns:\n"
      + "      mobile: {category: MOBILE}\n"
      + "      note: {strategy: KEEP}\n";

  private static MaskReport run(Path in, Path out, PrintStream progress) {
    return FixturePipeline.builder().spec(MaskSpec.parse(SPEC, "spec.yaml")).key(FixturePipelineTest.KEY_FOR_TESTS)
        .input(in).output(out).progress(progress).build().run();
  }

  @Test
  @DisplayName("an input of 16 MiB or more draws a bar whose percentage only grows and ends at 100%")
  void largeInputDrawsABar(@TempDir Path tmp) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    String note = "x".repeat(100);
    try (BufferedWriter w = Files.newBufferedWriter(in.resolve("big.csv"), StandardCharsets.UTF_8)) {
      w.write("mobile,note\n");
      for (int i = 0; i < 150_000; i++) {
        w.write("139" + String.format("%08d", i) + "," + note + "\n");
      }
    }
    assertTrue(Files.size(in.resolve("big.csv")) >= 16L << 20, "the input must be large enough to show a bar");
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    MaskReport report = run(in, tmp.resolve("out"), new PrintStream(bar, true, StandardCharsets.UTF_8));
    assertTrue(report.passed());
    String shown = bar.toString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\rmasking \\[[# ]{30}\\] (\\d+)%").matcher(shown);
    List<Integer> percentages = new ArrayList<>();
    while (m.find()) {
      percentages.add(Integer.parseInt(m.group(1)));
    }
    assertTrue(percentages.size() >= 3, "several updates are drawn: " + percentages);
    for (int i = 1; i < percentages.size(); i++) {
      assertTrue(percentages.get(i) >= percentages.get(i - 1), "the bar never goes back: " + percentages);
    }
    assertEquals(100, percentages.get(percentages.size() - 1));
    assertTrue(shown.endsWith("] 100%\n"), "the bar ends its line once done");
  }

  @Test
  @DisplayName("a small input draws nothing, even when a stream is given")
  void smallInputDrawsNothing(@TempDir Path tmp) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("big.csv"), "mobile,note\n13907711234,a\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    run(in, tmp.resolve("out"), new PrintStream(bar, true, StandardCharsets.UTF_8));
    assertEquals("", bar.toString(StandardCharsets.UTF_8));
  }
}
