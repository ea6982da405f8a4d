package org.govdatasec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.govdatasec.audit.AuditProofs;
import org.govdatasec.audit.AuditReview;
import org.govdatasec.audit.AuditVerifier;
import org.govdatasec.audit.Checkpoint;
import org.govdatasec.audit.ConsistencyProof;
import org.govdatasec.audit.InclusionProof;
import org.govdatasec.audit.ReviewReport;
import org.govdatasec.audit.VerificationReport;
import org.govdatasec.core.GovDataSecException;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm2Verifier;
import org.govdatasec.cli.internal.AtomicOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govdatasec audit}: check an audit log with nothing but its public key (AU-2), prove inclusion and
 * consistency against signed checkpoints, and write the periodic review report (AU-3, AU-4).
 *
 * <p>Exit codes: {@code 0} everything holds; {@code 1} the log or a proof does not verify; {@code 2} bad
 * usage; {@code 3} a {@code GDS-*} refusal (unreadable input, bad period, ...).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Verify audit logs, prove inclusion and consistency, write review reports (AU-2, AU-3, AU-4).",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Prove.class, AuditCommand.Consistency.class,
        AuditCommand.Review.class})
public final class AuditCommand implements Runnable {
  /** Exit code when the log or a proof does not verify ({@link GovDataSec#NOT_VERIFIED}). */
  public static final int NOT_VERIFIED = GovDataSec.NOT_VERIFIED;
  /** Exit code of a {@code GDS-*} refusal ({@link GovDataSec#REFUSED}). */
  public static final int REFUSED = GovDataSec.REFUSED;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public AuditCommand() {}

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The audit log directory.")
    Path dir;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    @Override
    public final Integer call() {
      try {
        return execute();
      } catch (GovDataSecException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("govdatasec: " + e.getMessage());
        err.flush();
        return REFUSED;
      }
    }

    abstract int execute();
  }

  private abstract static class Keyed extends Base {
    @Option(names = "--key", required = true, paramLabel = "PUB", description = "The log's SM2 public key (PEM file).")
    Path key;

    Sm2PublicKey publicKey() {
      try {
        return Sm2PublicKey.fromPem(Files.readString(key, StandardCharsets.US_ASCII));
      } catch (IOException e) {
        throw AuditError.UNREADABLE_INPUT.exception("Cannot read the public key file " + key + ".", e);
      }
    }

    Checkpoint signedCheckpoint(long size) {
      Sm2Verifier v = Sm2Verifier.create(publicKey());
      List<Checkpoint> cps = AuditProofs.checkpoints(dir);
      Checkpoint found = null;
      for (Checkpoint cp : cps) {
        if ((size < 0 || cp.size() == size) && cp.verify(v)) {
          found = cp;
        }
      }
      if (found == null) {
        throw AuditError.PROOF_UNAVAILABLE.exception(size < 0 ? "The log in " + dir + " has no validly signed checkpoint."
            : "The log in " + dir + " has no validly signed checkpoint of size " + size + ".");
      }
      return found;
    }
  }

  /** {@code audit verify DIR --key PUB}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Check every line, the Merkle tree against every checkpoint and every signature (AU-2).")
  static final class Verify extends Keyed {
    @Override
    int execute() {
      VerificationReport r = AuditVerifier.verify(dir, publicKey());
      out().println(r.summary());
      out().flush();
      return r.valid() ? 0 : NOT_VERIFIED;
    }
  }

  /** {@code audit prove DIR --key PUB --seq N [--size M]}. */
  @Command(name = "prove", mixinStandardHelpOptions = true,
      description = "Print and check the inclusion proof of one event against a signed checkpoint (AU-2).")
  static final class Prove extends Keyed {
    @Option(names = "--seq", required = true, description = "The event's sequence number.")
    long seq;

    @Option(names = "--size", defaultValue = "-1",
        description = "The checkpoint's tree size (default: the latest signed checkpoint).")
    long size;

    @Override
    int execute() {
      Checkpoint cp = signedCheckpoint(size);
      InclusionProof p = AuditProofs.inclusion(dir, seq, cp.size());
      boolean ok = p.verify(cp.root());
      out().print(p.toText());
      out().println("checkpoint: size " + cp.size() + ", root " + cp.rootHex() + ", signed at " + cp.at());
      out().println(ok ? "VERIFIED: seq " + seq + " is in the signed tree of size " + cp.size()
          : "NOT VERIFIED: the proof does not lead to the signed root");
      out().flush();
      return ok ? 0 : NOT_VERIFIED;
    }
  }

  /** {@code audit consistency DIR --key PUB --first M [--first-root HEX] [--second N]}. */
  @Command(name = "consistency", mixinStandardHelpOptions = true,
      description = "Prove that a later signed checkpoint extends an earlier one: the log was only appended to.")
  static final class Consistency extends Keyed {
    @Option(names = "--first", required = true, description = "The old tree size (an auditor's checkpoint).")
    long first;

    @Option(names = "--first-root", description = "The old root the auditor kept (hex); default: the log's signed "
        + "checkpoint of that size.")
    String firstRoot;

    @Option(names = "--second", defaultValue = "-1",
        description = "The new tree size (default: the latest signed checkpoint).")
    long second;

    @Override
    int execute() {
      Checkpoint newer = signedCheckpoint(second);
      byte[] oldRoot;
      if (firstRoot != null) {
        try {
          oldRoot = HexFormat.of().parseHex(firstRoot.trim());
        } catch (IllegalArgumentException e) {
          throw AuditError.UNREADABLE_INPUT.exception("--first-root is not hex.", e);
        }
      } else {
        oldRoot = signedCheckpoint(first).root();
      }
      ConsistencyProof p = AuditProofs.consistency(dir, first, newer.size());
      boolean ok = p.verify(oldRoot, newer.root());
      out().print(p.toText());
      out().println(ok ? "VERIFIED: the tree of size " + newer.size() + " extends the tree of size " + first
          : "NOT VERIFIED: the log was rewritten between size " + first + " and " + newer.size());
      out().flush();
      return ok ? 0 : NOT_VERIFIED;
    }
  }

  /** {@code audit review DIR --from D --to D [--html FILE] [--markdown FILE]}. */
  @Command(name = "review", mixinStandardHelpOptions = true,
      description = "The twice-yearly log check (AU-3, AU-4) as Markdown and a self-contained HTML page.")
  static final class Review extends Base {
    @Option(names = "--from", required = true, description = "Start, a date (yyyy-MM-dd, in --zone) or an instant.")
    String from;

    @Option(names = "--to", required = true, description = "End (exclusive), a date or an instant.")
    String to;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "Time zone (default ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--working-hours", defaultValue = "08:30-18:00",
        description = "Working hours (default ${DEFAULT-VALUE}).")
    String workingHours;

    @Option(names = "--bulk-threshold", defaultValue = "1000",
        description = "Records from which an export is bulk (default ${DEFAULT-VALUE}).")
    long bulkThreshold;

    @Option(names = "--html", description = "Write the HTML report to this file.")
    Path html;

    @Option(names = "--markdown", description = "Write the Markdown report to this file (default: standard output).")
    Path markdown;

    @Override
    int execute() {
      ZoneId z;
      try {
        z = ZoneId.of(zone);
      } catch (java.time.DateTimeException e) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("Unknown time zone " + zone + ".", e);
      }
      String[] hours = workingHours.split("-");
      LocalTime start;
      LocalTime end;
      try {
        start = LocalTime.parse(hours[0].trim());
        end = LocalTime.parse(hours[hours.length - 1].trim());
      } catch (DateTimeParseException e) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("Working hours '" + workingHours + "' are not HH:MM-HH:MM.", e);
      }
      ReviewReport r = AuditReview.builder().zone(z).period(instant(from, z), instant(to, z))
          .workingHours(start, end).bulkThreshold(bulkThreshold).build().review(dir);
      if (markdown == null) {
        out().print(r.toMarkdown());
      } else {
        write(markdown, r.toMarkdown());
        out().println("Markdown report: " + markdown);
      }
      if (html != null) {
        write(html, r.toHtml());
        out().println("HTML report: " + html);
      }
      out().println(r.total() + " events reviewed; " + r.denied().size() + " denied, " + r.bulkExports().size()
          + " bulk exports, " + r.exportsWithoutTicket().size() + " exports without ticket, " + r.outOfHours().size()
          + " outside working hours.");
      out().flush();
      return 0;
    }

    private static Instant instant(String text, ZoneId z) {
      try {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(z).toInstant() : Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("'" + text + "' is neither a date (yyyy-MM-dd) nor an instant.", e);
      }
    }

    private static void write(Path file, String text) {
      try {
        AtomicOutput.write(file, text);
      } catch (IOException e) {
        throw AuditError.UNREADABLE_INPUT.exception("Cannot write the report " + file + ".", e);
      }
    }
  }
}
