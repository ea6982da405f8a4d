package org.govdatasec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.govdatasec.core.GovDataSecException;
import org.govdatasec.core.governance.VerifyingKey;
import org.govdatasec.core.governance.destruction.DestructionCertificate;
import org.govdatasec.core.governance.destruction.ProcessStep;
import org.govdatasec.crypto.Sm2PublicKey;
import org.govdatasec.crypto.Sm2Verifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code govdatasec destruction}: check a destruction certificate with nothing but the destruction
 * service's SM2 public key (DS-1, DS-2).
 *
 * <p>Exit codes: {@code 0} the certificate verifies; {@code 1} it does not ({@code GDS-GOV-025}: modified,
 * signed by another key, malformed); {@code 2} bad usage; {@code 3} an input cannot be read (a missing
 * file, a key that is not an SM2 public key).
 */
@Command(name = "destruction", mixinStandardHelpOptions = true,
    description = "Verify destruction certificates (DS-1, DS-2).", subcommands = DestructionCommand.Verify.class)
public final class DestructionCommand implements Runnable {
  /** Exit code when the certificate does not verify ({@link GovDataSec#NOT_VERIFIED}). */
  public static final int NOT_VERIFIED = GovDataSec.NOT_VERIFIED;
  /** Exit code of a {@code GDS-*} refusal ({@link GovDataSec#REFUSED}). */
  public static final int REFUSED = GovDataSec.REFUSED;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public DestructionCommand() {}

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code destruction verify CERT --key PUB}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify a destruction certificate's SM2 signature and print what it certifies.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CERT", description = "The certificate file (text form, UTF-8).")
    Path certificate;

    @Option(names = "--key", required = true, paramLabel = "PUB",
        description = "The destruction service's SM2 public key (PEM).")
    Path key;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String text;
      Sm2PublicKey publicKey;
      try {
        text = Files.readString(certificate, StandardCharsets.UTF_8);
        publicKey = Sm2PublicKey.fromPem(Files.readString(key, StandardCharsets.UTF_8));
      } catch (MalformedInputException e) {
        err.println("govdatasec: " + certificate + " or " + key + " is not UTF-8 text.");
        return REFUSED;
      } catch (IOException e) {
        err.println("govdatasec: cannot read " + (Files.isReadable(certificate) ? key : certificate) + " ("
            + e.getClass().getSimpleName() + ").");
        return REFUSED;
      } catch (GovDataSecException e) {
        err.println("govdatasec: " + e.getMessage());
        return REFUSED;
      }
      DestructionCertificate c;
      try {
        c = DestructionCertificate.verifyText(text,
            new VerifyingKey(publicKey.fingerprint(), Sm2Verifier.create(publicKey)::isValid));
      } catch (GovDataSecException e) {
        err.println("govdatasec: NOT VERIFIED: " + e.getMessage());
        return NOT_VERIFIED;
      }
      out.println("VERIFIED destruction certificate " + c.id());
      out.println("  dataset:          " + c.dataset() + " (" + c.level() + (c.highRisk() ? ", high-risk" : "") + ")");
      out.println("  subjects:         " + c.subjects().size() + " " + c.subjects());
      out.println("  reason:           " + c.reason());
      out.println("  legal basis:      " + c.legalBasis());
      out.println("  requested by:     " + c.requester());
      out.println("  approved by:      " + String.join(", ", c.approvers()) + " (ticket " + c.ticketId() + ")");
      for (ProcessStep s : c.steps()) {
        out.println("  step " + s.name() + ": " + s.at() + " " + s.detail());
      }
      out.println("  technical method: " + c.technicalMethod());
      out.println("  verification:     " + c.verification());
      out.println("  audit checkpoint: " + c.auditCheckpoint());
      out.println("  issued at:        " + c.issuedAt() + " by key " + c.keyId());
      out.flush();
      return 0;
    }
  }
}
