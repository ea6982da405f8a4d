package org.govdatasec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.govdatasec.cli.internal.AtomicOutput;
import org.govdatasec.crypto.CryptoProvider;
import org.govdatasec.crypto.SecretKeyAccess;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2PublicKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govdatasec keys}: key material for operators (ST-3): an SM2 key pair for signing audit
 * checkpoints, approval tickets and destruction certificates, the fingerprint of a public key, and the
 * cryptographic module in use.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "SM2 signing keys and the active cryptographic module (ST-3).",
    subcommands = {KeysCommand.Sm2Keygen.class, KeysCommand.Fingerprint.class, KeysCommand.Provider.class})
public final class KeysCommand implements Runnable {

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public KeysCommand() {}

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code govdatasec keys sm2-keygen}: a new SM2 key pair as PKCS#8 and SubjectPublicKeyInfo PEM files. */
  @Command(name = "sm2-keygen", mixinStandardHelpOptions = true,
      description = "Generate an SM2 key pair: the private key owner-only (rw-------), the public key for auditors.")
  public static final class Sm2Keygen implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--private", required = true, paramLabel = "FILE", description = "Where the private key goes (must not exist).")
    private Path privateFile;

    @Option(names = "--public", required = true, paramLabel = "FILE", description = "Where the public key goes (must not exist).")
    private Path publicFile;

    /** Creates the command; picocli instantiates it. */
    public Sm2Keygen() {}

    @Override
    public Integer call() {
      if (privateFile.toAbsolutePath().equals(publicFile.toAbsolutePath())) {
        throw new CliException(CliError.OUTPUT_FAILED, "--private and --public name the same file.");
      }
      Sm2PrivateKey key = Sm2PrivateKey.generate();
      try {
        AtomicOutput.write(privateFile, key.toPem(SecretKeyAccess.insecure()).getBytes(StandardCharsets.US_ASCII), true,
            false);
      } catch (FileAlreadyExistsException e) {
        throw new CliException(CliError.OUTPUT_FAILED, privateFile + " exists; a key file is never overwritten.");
      } catch (IOException e) {
        throw new CliException(CliError.OUTPUT_FAILED, "cannot write " + privateFile + " (" + e.getClass().getSimpleName() + ").");
      } finally {
        key.destroy();
      }
      try {
        AtomicOutput.write(publicFile, key.publicKey().toPem().getBytes(StandardCharsets.US_ASCII), false, false);
      } catch (IOException e) {
        // Both or neither: a private key whose public half was not written is removed again.
        try {
          Files.deleteIfExists(privateFile);
        } catch (IOException ignored) {
          // reported below; the private key file is owner-only
        }
        throw new CliException(CliError.OUTPUT_FAILED, (e instanceof FileAlreadyExistsException
            ? publicFile + " exists; a key file is never overwritten." : "cannot write " + publicFile + ".")
            + " No key was kept.");
      }
      spec.commandLine().getOut().println("SM2 key pair written: private " + privateFile + " (owner-only), public "
          + publicFile + ", fingerprint " + key.publicKey().fingerprint());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code govdatasec keys fingerprint PUB}: the fingerprint an auditor compares with the one on file. */
  @Command(name = "fingerprint", mixinStandardHelpOptions = true,
      description = "Print the SM3 fingerprint of an SM2 public key (PEM).")
  public static final class Fingerprint implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PUBLIC_KEY_PEM", description = "The public key file.")
    private Path file;

    /** Creates the command; picocli instantiates it. */
    public Fingerprint() {}

    @Override
    public Integer call() {
      String pem;
      try {
        pem = Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new CliException(CliError.UNREADABLE_INPUT, "cannot read " + file + ".");
      }
      Sm2PublicKey key = Sm2PublicKey.fromPem(pem);
      spec.commandLine().getOut().println(key.fingerprint());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code govdatasec keys provider}: which cryptographic module computes SM2/SM3/SM4 here. */
  @Command(name = "provider", mixinStandardHelpOptions = true,
      description = "Print the cryptographic module in use (set -Dgovdatasec.crypto.provider=NAME for a JCA provider).")
  public static final class Provider implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli instantiates it. */
    public Provider() {}

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(CryptoProvider.defaultProvider().describe());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
