package org.govdatasec.masking;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a fixture run did (USE-5): per file the rows and masked values, the k-anonymity result, and the
 * leak scan's findings. Written next to the output as {@code masking-report.md} and
 * {@code masking-report.json}, also when the run fails its k or leak check. Holds no source value.
 *
 * @param keyFingerprint the masking key's public fingerprint, to show two runs used the same key
 * @param minK the spec's minimum k
 * @param files one entry per file, in spec order
 * @param leaks where a source value of a masked column was found in the output (file:line:column and
 *     the source column), empty when the scan passed
 * @param trackedSourceValues distinct source values the leak scan tracked
 */
public record MaskReport(String keyFingerprint, int minK, List<FileReport> files, List<String> leaks,
    long trackedSourceValues) {

  /**
   * One file's result.
   *
   * @param name the file name
   * @param rows the data rows (header excluded)
   * @param maskedValues values changed by a strategy other than KEEP
   * @param invalidValues values invalid for their format and masked as generic text
   * @param kAnonymity the re-identification check, empty when the file declares no quasi-identifiers
   */
  public record FileReport(String name, long rows, long maskedValues, long invalidValues, Optional<KAnonymity> kAnonymity) {}

  /**
   * Copies the lists.
   *
   * @param keyFingerprint the key fingerprint
   * @param minK the minimum k
   * @param files the files
   * @param leaks the leaks
   * @param trackedSourceValues the tracked values
   */
  public MaskReport {
    files = List.copyOf(files);
    leaks = List.copyOf(leaks);
  }

  /**
   * Tells whether every file reaches the minimum k and no leak was found.
   *
   * @return true if the run passed
   */
  public boolean passed() {
    return leaks.isEmpty() && files.stream().allMatch(f -> f.kAnonymity().map(k -> k.rows() == 0 || k.k() >= minK).orElse(true));
  }

  /**
   * Renders the report as Markdown.
   *
   * @return the Markdown text
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Masking report\n\n");
    sb.append("- result: ").append(passed() ? "PASSED" : "FAILED").append('\n');
    sb.append("- masking key fingerprint: `").append(keyFingerprint).append("`\n");
    sb.append("- minimum k: ").append(minK).append('\n');
    sb.append("- leak scan: ").append(trackedSourceValues).append(" distinct source values tracked, ")
        .append(leaks.size()).append(" found in the output\n\n");
    sb.append("| file | rows | masked values | invalid (masked as generic) | quasi-identifiers | classes | k | max risk | avg risk | rows below min k |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (FileReport f : files) {
      sb.append("| ").append(f.name()).append(" | ").append(f.rows()).append(" | ").append(f.maskedValues()).append(" | ")
          .append(f.invalidValues()).append(" | ");
      if (f.kAnonymity().isPresent()) {
        KAnonymity k = f.kAnonymity().get();
        sb.append(String.join(", ", k.quasiIdentifiers())).append(" | ").append(k.classes()).append(" | ").append(k.k())
            .append(" | ").append(fmt(k.maxRisk())).append(" | ").append(fmt(k.averageRisk())).append(" | ")
            .append(k.rowsBelowMinK()).append(" |\n");
      } else {
        sb.append("- | - | - | - | - | - |\n");
      }
    }
    if (!leaks.isEmpty()) {
      sb.append("\n## Leaks\n\n");
      leaks.forEach(l -> sb.append("- ").append(l).append('\n'));
    }
    return sb.toString();
  }

  /**
   * Renders the report as JSON.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"passed\":").append(passed()).append(",\"keyFingerprint\":\"").append(keyFingerprint)
        .append("\",\"minK\":").append(minK).append(",\"trackedSourceValues\":").append(trackedSourceValues)
        .append(",\"files\":[");
    for (int i = 0; i < files.size(); i++) {
      FileReport f = files.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(f.name())).append(",\"rows\":").append(f.rows())
          .append(",\"maskedValues\":").append(f.maskedValues()).append(",\"invalidValues\":").append(f.invalidValues());
      f.kAnonymity().ifPresent(k -> {
        sb.append(",\"kAnonymity\":{\"quasiIdentifiers\":[");
        for (int q = 0; q < k.quasiIdentifiers().size(); q++) {
          sb.append(q == 0 ? "" : ",").append(quote(k.quasiIdentifiers().get(q)));
        }
        sb.append("],\"rows\":").append(k.rows()).append(",\"classes\":").append(k.classes()).append(",\"k\":").append(k.k())
            .append(",\"rowsBelowMinK\":").append(k.rowsBelowMinK()).append(",\"maxRisk\":").append(fmt(k.maxRisk()))
            .append(",\"averageRisk\":").append(fmt(k.averageRisk())).append('}');
      });
      sb.append('}');
    }
    sb.append("],\"leaks\":[");
    for (int i = 0; i < leaks.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(quote(leaks.get(i)));
    }
    return sb.append("]}\n").toString();
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.4f", d);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
