/**
 * The {@code govdatasec} command line ({@link org.govdatasec.cli.GovDataSec}) and its subcommands, such as
 * {@code govdatasec catalog} (CLS-4). Refusals carry the {@link org.govdatasec.cli.CliError GDS-CLI}
 * codes.
 */
package org.govdatasec.cli;
