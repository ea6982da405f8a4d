package org.govdatasec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.govdatasec.core.GovDataSecException;
import org.govdatasec.masking.FixturePipeline;
import org.govdatasec.masking.KAnonymity;
import org.govdatasec.masking.MaskReport;
import org.govdatasec.masking.MaskSpec;
import org.govdatasec.masking.MaskingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govdatasec mask}: masks the CSV / JSON Lines files a mask spec names into test fixtures (USE-5,
 * PI-5), with the leak scan and the k-anonymity check; see {@code docs/masking.md}.
 *
 * <p>Exit codes: 0 when the fixtures were written; 1 when the run was refused (bad input, unsafe or
 * missing key, a leak, k below the minimum; the {@code GDS-MASK} code and its fix are printed on
 * stderr, and no output file is left); 2 for a usage error.
 */
@Command(name = "mask", mixinStandardHelpOptions = true,
    description = {"Masks CSV / JSON Lines files into test fixtures by a mask spec (USE-5, PI-5):",
        "format-valid keyed pseudonyms that still join across files, a leak scan, a k-anonymity report.",
        "The key is 32 random bytes as 64 hex digits or base64 (openssl rand -hex 32 > mask.key; chmod 600 mask.key)."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:fixtures written", "3:refused (GDS-MASK code on stderr; no output left)", "2:usage error"})
public final class MaskCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "The mask spec (YAML).")
  private Path specFile;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The masking key file (owner-only permissions). Default: the environment variable "
          + MaskingKey.ENVIRONMENT_VARIABLE + ".")
  private Path keyFile;

  @Parameters(index = "0", paramLabel = "IN", description = "The folder holding the spec's files.")
  private Path input;

  @Parameters(index = "1", paramLabel = "OUT", description = "The folder the masked files and the report are written to.")
  private Path output;

  private final UnaryOperator<String> environment;

  /** Creates the command reading the process environment. */
  public MaskCommand() {
    this(System::getenv);
  }

  /**
   * Creates the command with a given environment, for tests.
   *
   * @param environment looks up an environment variable
   */
  MaskCommand(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /**
   * Runs the masking.
   *
   * @return the exit code
   */
  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      MaskingKey key;
      if (keyFile != null) {
        key = MaskingKey.fromFile(keyFile);
      } else {
        String v = environment.apply(MaskingKey.ENVIRONMENT_VARIABLE);
        if (v == null || v.isBlank()) {
          err.println("govdatasec mask: no key: give --key FILE or set " + MaskingKey.ENVIRONMENT_VARIABLE + ".");
          return GovDataSec.REFUSED;
        }
        key = MaskingKey.parse(v);
      }
      MaskReport report = FixturePipeline.builder().spec(MaskSpec.parse(specFile)).key(key).input(input).output(output)
          .progress(System.console() != null ? System.err : null).build().run();
      out.println("Masked " + report.files().size() + " file(s) into " + output + " (key " + report.keyFingerprint() + "):");
      for (MaskReport.FileReport f : report.files()) {
        String k = f.kAnonymity().map(MaskCommand::describe).orElse("no quasi-identifiers");
        out.println("  " + f.name() + ": " + f.rows() + " rows, " + f.maskedValues() + " values masked, "
            + f.invalidValues() + " invalid masked as generic; " + k);
      }
      out.println("Leak scan: " + report.trackedSourceValues() + " source values tracked, none found in the output.");
      out.println("Report: " + output.resolve(FixturePipeline.REPORT_MD));
      out.flush();
      return 0;
    } catch (GovDataSecException e) {
      err.println("govdatasec mask: " + e.getMessage());
      err.flush();
      return GovDataSec.REFUSED;
    }
  }

  private static String describe(KAnonymity k) {
    return String.format(java.util.Locale.ROOT, "k = %d over %s (%d classes, max risk %.3f, avg risk %.3f)",
        k.k(), k.quasiIdentifiers(), k.classes(), k.maxRisk(), k.averageRisk());
  }
}
