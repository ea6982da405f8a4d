package org.govdatasec.cli;

import java.io.PrintWriter;
import org.govdatasec.core.GovDataSecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code govdatasec} command. A subcommand is added by listing its class in {@code subcommands}.
 *
 * <pre>
 * java -jar govdatasec.jar catalog --system 市民信息登记系统 --owner 南宁市大数据发展局 --format html --out catalog.html app.jar
 * </pre>
 */
@Command(name = "govdatasec", mixinStandardHelpOptions = true, version = "govdatasec 0.1.0",
    description = "Tools for the 2024 Nanning and Nanjing government-data security rules.",
    subcommands = {
        CatalogCommand.class,
        KeysCommand.class,
        MaskCommand.class,
        DestructionCommand.class,
        AuditCommand.class,
    })
public final class GovDataSec implements Runnable {

  /** Exit code when a check's answer is no: a log, proof or certificate does not verify. */
  public static final int NOT_VERIFIED = 1;

  /** Exit code of a refusal: a {@code GDS-*} error (bad or unreadable input, a rule that refuses). Usage errors exit with 2. */
  public static final int REFUSED = 3;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public GovDataSec() {}

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line, reporting {@code GDS-*} refusals as one message on the error stream.
   *
   * @return the command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new GovDataSec()).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof GovDataSecException g) {
        PrintWriter err = commandLine.getErr();
        err.println("govdatasec: " + g.getMessage());
        err.flush();
        return REFUSED;
      }
      throw e;
    });
    return cl;
  }

  /**
   * Runs the command and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
