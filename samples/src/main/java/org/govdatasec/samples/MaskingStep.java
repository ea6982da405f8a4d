package org.govdatasec.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.audit.Parties;
import org.govdatasec.masking.FixturePipeline;
import org.govdatasec.masking.KAnonymity;
import org.govdatasec.masking.MaskReport;
import org.govdatasec.masking.MaskSpec;
import org.govdatasec.masking.MaskingException;
import org.govdatasec.masking.MaskingKey;
import org.govdatasec.masking.Validators;
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.RegistryScenario;
import org.govdatasec.samples.registry.SampleData;

/**
 * Demo step (USE-5, PI-5): the bureau writes masked fixtures of the citizen registry for a test team,
 * shows rows before and after, shows that citizens.id_number still joins applications.applicant_id, and
 * prints the k-anonymity report; then a stricter spec is refused below its minimum k.
 */
public final class MaskingStep {
  /** The demo's fixed masking key, the ASCII text "demo-only-masking-key-not-real!!": the output is the same on every run. */
  static final String DEMO_KEY = "64656d6f2d6f6e6c792d6d61736b696e672d6b65792d6e6f742d7265616c2121";

  static final String SPEC = String.join("\n",
      "version: 1",
      "profile: TEST_FIXTURE",
      "min-k: 2",
      "files:",
      "  citizens.csv:",
      "    quasi-identifiers: [address]",
      "    columns:",
      "      citizen_no: {strategy: PSEUDONYMISE, join: citizen-no}",
      "      name: NAME",
      "      id_number: {category: RESIDENT_ID, join: citizen-id, keep-birth-year: true, keep-gender: true}",
      "      mobile: MOBILE",
      "      address: {category: ADDRESS, strategy: GENERALISE, generalise: district}",
      "      birth_date: {category: BIRTH_DATE, strategy: GENERALISE, generalise: year}",
      "      ethnicity: {strategy: KEEP}",
      "      remarks: {format: FREE_TEXT, strategy: PSEUDONYMISE}",
      "  applications.csv:",
      "    columns:",
      "      application_no: {strategy: KEEP}",
      "      applicant_id: {category: RESIDENT_ID, join: citizen-id, keep-birth-year: true, keep-gender: true}",
      "      bank_card: BANK_CARD",
      "      monthly_income: {format: NUMBER, strategy: GENERALISE, bucket: 1000}",
      "");

  /**
   * What the step produced.
   *
   * @param report the pipeline's report
   * @param citizensBefore the source citizens rows (header first)
   * @param citizensAfter the masked citizens rows (header first)
   * @param joinedApplications applications whose masked applicant_id matches a masked citizen id_number
   * @param applications all applications
   * @param allIdsValid every masked ID number passes GB 11643
   * @param strictRefusal the code of the refused stricter run (quasi-identifiers address + ethnicity)
   */
  public record Result(MaskReport report, List<String> citizensBefore, List<String> citizensAfter,
      int joinedApplications, int applications, boolean allIdsValid, String strictRefusal) {}

  /** The bureau's data engineer who writes the fixtures, the actor of the step's audit events. */
  public static final Actor ENGINEER = new Actor("zhou.min", "data-engineer", RegistryScenario.OWNER,
      RegistryScenario.SYSTEM_NAME);
  /** When the fixtures are written: 2024-06-18 09:40 in Nanning. */
  public static final Instant TIME = Instant.parse("2024-06-18T01:40:00Z");
  /** The purpose recorded with the export (USE-5). */
  public static final String PURPOSE = "测试环境使用脱敏数据（USE-5）：为测试团队生成脱敏样例";
  private static final Parties PARTIES = new Parties(RegistryScenario.OWNER, RegistryScenario.OWNER, "系统测试组");

  private MaskingStep() {}

  /**
   * Runs the step.
   *
   * @param out where to print
   * @param workDir an empty folder for the input and output files
   * @return the result
   */
  public static Result run(PrintStream out, Path workDir) {
    return run(out, workDir, event -> {});
  }

  /**
   * Runs the step as {@link #run(PrintStream, Path)} does, and records it (AU-1, USE-5): one EXPORT of the
   * masked fixtures to the test team with the record count, purpose and parties, and one FAILED EXPORT
   * (with the masking error code) for the refused stricter run.
   *
   * @param out where to print
   * @param workDir an empty folder for the input and output files
   * @param audit where the step's audit events go (the demo's one log)
   * @return the result
   */
  public static Result run(PrintStream out, Path workDir, AuditRecorder audit) {
    try {
      Path in = Files.createDirectories(workDir.resolve("registry-export"));
      Path fixtures = workDir.resolve("fixtures-for-test-team");
      List<String> citizens = new ArrayList<>();
      citizens.add("citizen_no,name,id_number,mobile,address,birth_date,ethnicity,remarks");
      for (Citizen c : SampleData.citizens()) {
        citizens.add(String.join(",", c.citizenNo(), c.name(), c.idNumber(), c.mobile(), c.address(),
            c.birthDate().toString(), c.ethnicity(), c.remarks()));
      }
      String card2 = "622848012345678901";
      List<String> applications = List.of("application_no,applicant_id,bank_card,monthly_income",
          "DB-2024-000057," + SampleData.HUANG_ZHIQIANG.idNumber() + "," + SampleData.application().bankCard() + ","
              + SampleData.application().monthlyIncome(),
          "DB-2024-000058," + SampleData.LI_XIULAN.idNumber() + "," + card2 + Validators.luhnCheckDigit(card2) + ",2350.00");
      Files.write(in.resolve("citizens.csv"), citizens, StandardCharsets.UTF_8);
      Files.write(in.resolve("applications.csv"), applications, StandardCharsets.UTF_8);
      MaskingKey key = MaskingKey.parse(DEMO_KEY);

      out.println("The bureau exports citizens.csv and applications.csv and masks them with a spec (YAML):");
      SPEC.lines().filter(l -> l.contains("id_number") || l.contains("applicant_id") || l.contains("quasi") || l.contains("min-k"))
          .forEach(l -> out.println("  " + l.strip()));
      out.println("Key: a 32-byte masking key (demo key, fingerprint " + key.fingerprint() + ").");
      MaskReport report = FixturePipeline.builder().spec(MaskSpec.parse(SPEC, "registry-mask.yaml")).key(key)
          .input(in).output(fixtures).build().run();

      long rows = report.files().stream().mapToLong(MaskReport.FileReport::rows).sum();
      audit.record(export(rows, report.files().stream().map(MaskReport.FileReport::name).toList(), TIME)
          .outcome(report.passed() ? Outcome.SUCCESS : Outcome.failed("the fixtures' report did not pass"))
          .build());
      List<String> after = Files.readAllLines(fixtures.resolve("citizens.csv"), StandardCharsets.UTF_8);
      out.println();
      out.println("Citizens before (source) and after (fixture), columns id_number, name, mobile, birth_date:");
      for (int i = 1; i < citizens.size(); i++) {
        String[] b = fields(citizens.get(i));
        String[] a = fields(after.get(i));
        out.println("  before: " + b[2] + "  " + b[1] + "  " + b[3] + "  " + b[5]);
        out.println("  after:  " + a[2] + "  " + a[1] + "  " + a[3] + "  " + a[5]
            + "  (GB 11643 " + (Validators.isResidentId(a[2]) ? "valid" : "INVALID") + ")");
      }
      out.println("  remarks after: " + fields(after.get(3))[7]);

      Map<String, String> idToName = new HashMap<>();
      boolean allValid = true;
      for (int i = 1; i < after.size(); i++) {
        String[] a = fields(after.get(i));
        idToName.put(a[2], a[1]);
        allValid &= Validators.isResidentId(a[2]);
      }
      List<String> apps = Files.readAllLines(fixtures.resolve("applications.csv"), StandardCharsets.UTF_8);
      int joined = 0;
      out.println();
      out.println("Join applications.applicant_id -> citizens.id_number on the masked files:");
      for (int i = 1; i < apps.size(); i++) {
        String[] a = fields(apps.get(i));
        String name = idToName.get(a[1]);
        joined += name == null ? 0 : 1;
        out.println("  " + a[0] + "  " + a[1] + "  -> " + (name == null ? "NO MATCH" : name) + "  card " + a[2]
            + "  income " + a[3]);
      }
      out.println("  " + joined + " of " + (apps.size() - 1) + " applications join their citizen after masking.");

      out.println();
      out.println("k-anonymity report (" + FixturePipeline.REPORT_MD + "), leak scan included:");
      for (MaskReport.FileReport f : report.files()) {
        String k = f.kAnonymity().map(MaskingStep::describe).orElse("no quasi-identifiers declared");
        out.println("  " + f.name() + ": " + f.rows() + " rows, " + f.maskedValues() + " values masked; " + k);
      }
      out.println("  leak scan: " + report.trackedSourceValues() + " source values tracked, "
          + report.leaks().size() + " found in the fixtures; result " + (report.passed() ? "PASSED" : "FAILED"));

      String refusal;
      try {
        FixturePipeline.builder().spec(MaskSpec.parse(SPEC.replace("[address]", "[address, ethnicity]"), "strict.yaml"))
            .key(key).input(in).output(workDir.resolve("strict")).build().run();
        refusal = "none";
      } catch (MaskingException e) {
        refusal = e.code();
      }
      audit.record(export(citizens.size() - 1, List.of("citizens.csv"), TIME.plusSeconds(120))
          .outcome(Outcome.failed(refusal + ": k = 1 below min-k 2 with ethnicity as a quasi-identifier"))
          .build());
      out.println();
      out.println("With ethnicity added as a quasi-identifier, 李秀兰 (汉族) is alone in her class: k = 1 < 2,");
      out.println("so the run is refused with " + refusal + " and writes only the report, no fixture.");
      return new Result(report, citizens, after, joined, apps.size() - 1, allValid, refusal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AuditEvent.Builder export(long rows, List<String> files, Instant at) {
    return AuditEvent.builder(Action.EXPORT, ENGINEER).id("masking-export-" + at.getEpochSecond()).time(at)
        .object(DataObject.bulk(RegistryScenario.SYSTEM_NAME, "fixtures:" + String.join("+", files), rows))
        .purpose(PURPOSE).parties(PARTIES);
  }

  /** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
  static String[] fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out.toArray(new String[0]);
  }

  private static String describe(KAnonymity k) {
    return String.format(java.util.Locale.ROOT, "k = %d over %s, %d class(es), max risk %.2f, avg risk %.2f",
        k.k(), k.quasiIdentifiers(), k.classes(), k.maxRisk(), k.averageRisk());
  }
}
