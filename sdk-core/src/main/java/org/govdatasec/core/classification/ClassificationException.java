package org.govdatasec.core.classification;

import java.util.List;
import java.util.stream.Collectors;
import org.govdatasec.core.GovDataSecException;

/**
 * A type's classification is invalid or contradictory ({@code GDS-CLS-nnn}).
 *
 * <p>Carries every {@linkplain #problems() problem} found in the type, not just the first, so that one
 * run shows the developer everything to fix; {@link #code()} is the first problem's code.
 */
public final class ClassificationException extends GovDataSecException {
  private static final long serialVersionUID = 1L;

  private final transient List<ClassificationProblem> problems;

  /**
   * Creates an exception for one or more problems.
   *
   * @param problems the problems, at least one
   * @throws IllegalArgumentException if there is no problem
   */
  public ClassificationException(List<ClassificationProblem> problems) {
    super(first(problems).error(), describe(problems), null);
    this.problems = List.copyOf(problems);
  }

  private static ClassificationProblem first(List<ClassificationProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ClassificationException needs at least one problem");
    }
    return problems.get(0);
  }

  private static String describe(List<ClassificationProblem> problems) {
    ClassificationProblem p = problems.get(0);
    String where = p.location();
    return (where.isEmpty() ? "" : where + ": ") + p.message();
  }

  /**
   * Returns the first problem with its fix and, on further lines, every other problem.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    if (problems == null || problems.size() == 1) {
      return super.getMessage();
    }
    return super.getMessage() + System.lineSeparator() + "  and " + (problems.size() - 1) + " more:"
        + problems.subList(1, problems.size()).stream()
            .map(pr -> System.lineSeparator() + "  " + pr)
            .collect(Collectors.joining());
  }

  /**
   * Returns every problem found, in declaration order of the elements.
   *
   * @return the problems, at least one
   */
  public List<ClassificationProblem> problems() {
    return problems;
  }
}
