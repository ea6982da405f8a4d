package org.govdatasec.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.govdatasec.masking.FixturePipeline;
import org.govdatasec.masking.MaskReport;
import org.govdatasec.masking.MaskSpec;
import org.govdatasec.masking.MaskingKey;
import org.govdatasec.masking.Validators;

/**
 * Single-shot end-to-end fixture run (USE-5): generates a CSV of N rows x 10 columns (default 1,000,000)
 * and masks it with the pipeline (pseudonymised ID, name, mobile; generalised birth date, address,
 * income; masked bank card and e-mail; free-text remarks; kept gender), leak scan and k-anonymity
 * included. Run: {@code java -cp benchmarks/target/benchmarks.jar org.govdatasec.benchmarks.MaskingEndToEnd [rows]}.
 */
public final class MaskingEndToEnd {
  private MaskingEndToEnd() {}

  /**
   * Runs the measurement.
   *
   * @param args optional row count
   * @throws IOException if the temporary files cannot be written
   */
  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path dir = Files.createTempDirectory("govdatasec-e2e");
    try {
      Path in = Files.createDirectory(dir.resolve("in"));
      long g0 = System.nanoTime();
      generate(in.resolve("citizens.csv"), rows);
      long g1 = System.nanoTime();
      MaskSpec spec = MaskSpec.parse("min-k: 1\nfiles:\n  citizens.csv:\n    quasi-identifiers: [birth_date, gender, address]\n"
          + "    columns:\n"
          + "      id_number: {category: RESIDENT_ID, keep-birth-year: true}\n"
          + "      name: NAME\n      mobile: MOBILE\n"
          + "      birth_date: {category: BIRTH_DATE, strategy: GENERALISE, generalise: decade}\n"
          + "      gender: {strategy: KEEP}\n"
          + "      address: {category: ADDRESS, strategy: GENERALISE, generalise: district}\n"
          + "      bank_card: {category: BANK_CARD, strategy: MASK, keep-first: 6, keep-last: 4}\n"
          + "      email: {category: EMAIL, strategy: MASK, keep-first: 1}\n"
          + "      income: {format: NUMBER, strategy: GENERALISE, bucket: 1000}\n"
          + "      remarks: {format: FREE_TEXT, strategy: PSEUDONYMISE}\n", "e2e.yaml");
      long t0 = System.nanoTime();
      MaskReport report = FixturePipeline.builder().spec(spec).key(MaskingKey.generate()).input(in)
          .output(dir.resolve("out")).build().run();
      long t1 = System.nanoTime();
      System.out.printf("generated %,d rows x 10 columns (%,d bytes) in %.1f s%n", rows, Files.size(in.resolve("citizens.csv")),
          (g1 - g0) / 1e9);
      System.out.printf("masked end to end in %.2f s (%,.0f rows/s); k = %d; tracked source values %,d%n", (t1 - t0) / 1e9,
          rows / ((t1 - t0) / 1e9), report.files().get(0).kAnonymity().orElseThrow().k(), report.trackedSourceValues());
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void generate(Path file, int rows) throws IOException {
    String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    String given = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞";
    String[] districts = {"广西壮族自治区南宁市青秀区", "广西壮族自治区南宁市兴宁区", "江苏省南京市玄武区", "江苏省南京市鼓楼区"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id_number,name,mobile,birth_date,gender,address,bank_card,email,income,remarks\n");
      StringBuilder sb = new StringBuilder(256);
      for (int r = 0; r < rows; r++) {
        int year = 1940 + r % 70;
        int month = 1 + (r / 70) % 12;
        int day = 1 + (r / 840) % 28;
        String region = (r & 1) == 0 ? "450103" : "320102";
        String body = region + year + String.format("%02d%02d", month, day) + String.format("%03d", (r / 23520) % 1000);
        String id = body + Validators.residentIdCheckChar(body);
        String cardBody = "622202" + String.format("%012d", (long) r * 7_777L);
        sb.setLength(0);
        sb.append(id).append(',').append(surnames.charAt(r % 20)).append(given.charAt((r / 20) % 20)).append(given.charAt((r / 400) % 20))
            .append(',').append("139").append(String.format("%08d", r)).append(',')
            .append(year).append('-').append(String.format("%02d-%02d", month, day)).append(',').append((r & 2) == 0 ? "男" : "女")
            .append(',').append(districts[r % 4]).append("东葛路").append(r % 500).append("号").append(',')
            .append(cardBody).append(Validators.luhnCheckDigit(cardBody)).append(',')
            .append("user").append(r).append("@example.cn").append(',').append(r % 9000).append(',')
            .append(r % 10 == 0 ? "回访电话13" + String.format("%09d", r) : "无").append('\n');
        w.write(sb.toString());
      }
    }
  }
}
