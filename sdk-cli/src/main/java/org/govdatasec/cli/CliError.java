package org.govdatasec.cli;

import org.govdatasec.core.ErrorCode;
import org.govdatasec.core.Requirement;

/** The {@code GDS-CLI} error codes: what the {@code govdatasec} command refuses. */
public enum CliError implements ErrorCode {
  /** A jar or directory given explicitly holds no catalog, or a classpath holds none at all. */
  NO_CATALOG("GDS-CLI-001",
      "Compile the module with sdk-processor on annotationProcessorPaths (it writes META-INF/govdatasec/catalog.json),"
          + " or leave the jar out.",
      Requirement.CLS_4),
  /** An input file does not exist or cannot be read as a jar or directory. */
  UNREADABLE_INPUT("GDS-CLI-002", "Check that the path exists, is readable, and is a jar or a class directory.",
      Requirement.CLS_4),
  /** A catalog is not valid JSON or not a format this command knows. */
  MALFORMED_CATALOG("GDS-CLI-003",
      "Rebuild the jar with the same govdatasec version as the command; do not edit catalog.json by hand.",
      Requirement.CLS_4),
  /** Two inputs describe the same type differently. */
  CONFLICTING_ENTRIES("GDS-CLI-004",
      "Put one version of each module on the path: two different builds of a type cannot both be filed.",
      Requirement.CLS_4),
  /** The output file could not be written. */
  OUTPUT_FAILED("GDS-CLI-005", "Check that the output directory exists and is writable.", Requirement.CLS_4);

  private final Spec spec;

  CliError(String code, String fix, Requirement... requirements) {
    this.spec = Spec.of(code, fix, requirements);
  }

  @Override
  public Spec spec() {
    return spec;
  }
}
