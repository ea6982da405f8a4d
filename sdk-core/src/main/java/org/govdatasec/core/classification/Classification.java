package org.govdatasec.core.classification;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A classification: a {@link DataLevel} and, inside {@link DataLevel#GENERAL}, a grade from 1 to 4.
 *
 * <p>Classifications are totally ordered by severity: {@code GENERAL-1 < GENERAL-2 < GENERAL-3 <
 * GENERAL-4 < IMPORTANT < CORE}. That order is what 就高从严 (CLS-2) takes the maximum over. The text
 * form, used in properties files and reports, is {@code GENERAL-3}, {@code IMPORTANT} or {@code CORE}.
 *
 * @param level the level
 * @param grade 1 to 4 for {@link DataLevel#GENERAL}; 0 ("not graded") for important and core data
 */
public record Classification(DataLevel level, int grade) implements Comparable<Classification> {

  /** The lowest grade inside GENERAL (public data). */
  public static final int MIN_GRADE = 1;
  /** The highest grade inside GENERAL. */
  public static final int MAX_GRADE = 4;

  /** Important data, 重要数据. */
  public static final Classification IMPORTANT = new Classification(DataLevel.IMPORTANT, 0);
  /** Core data, 核心数据. */
  public static final Classification CORE = new Classification(DataLevel.CORE, 0);

  private static final Comparator<Classification> ORDER =
      Comparator.comparing(Classification::level).thenComparingInt(Classification::grade);

  private static final List<Classification> ALL =
      List.of(general(1), general(2), general(3), general(4), IMPORTANT, CORE);

  /**
   * Creates a classification, checking that the grade fits the level.
   *
   * @param level the level
   * @param grade 1 to 4 for {@link DataLevel#GENERAL}; 0 ("not graded") for important and core data
   * @throws ClassificationException {@code GDS-CLS-001} for a grade on important or core data, {@code GDS-CLS-002} for a GENERAL grade outside 1 to 4
   */
  public Classification {
    Objects.requireNonNull(level, "level");
    if (level != DataLevel.GENERAL && grade != 0) {
      throw ClassificationError.GRADE_OUTSIDE_GENERAL.exception(
          null, null, "grade " + grade + " was given for " + level + " data; grades exist only inside GENERAL.");
    }
    if (level == DataLevel.GENERAL && (grade < MIN_GRADE || grade > MAX_GRADE)) {
      throw ClassificationError.GRADE_OUT_OF_RANGE.exception(
          null, null, "GENERAL data needs a grade from 1 to 4, but the grade is " + grade + ".");
    }
  }

  /**
   * Returns general data of the given grade.
   *
   * @param grade 1 (public) to 4 (highest)
   * @return the classification
   * @throws ClassificationException {@code GDS-CLS-002} if the grade is outside 1 to 4
   */
  public static Classification general(int grade) {
    return new Classification(DataLevel.GENERAL, grade);
  }

  /**
   * Returns every classification, lowest first.
   *
   * @return the six classifications in severity order
   */
  public static List<Classification> all() {
    return ALL;
  }

  /**
   * Parses the text form: {@code GENERAL-1} to {@code GENERAL-4}, {@code IMPORTANT} or {@code CORE},
   * case-insensitive.
   *
   * @param text the text form
   * @return the classification
   * @throws ClassificationException {@code GDS-CLS-009} if the text is not one of those forms
   */
  public static Classification parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (Classification c : ALL) {
      if (c.toString().equals(t)) {
        return c;
      }
    }
    throw ClassificationError.UNREADABLE_CLASSIFICATION.exception(
        null, null, "'" + text + "' is not a classification.");
  }

  /**
   * Returns the more severe of two classifications (就高从严).
   *
   * @param a one classification
   * @param b another classification
   * @return the higher of the two ({@code a} when equal)
   */
  public static Classification max(Classification a, Classification b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Tells whether this classification is at least as severe as another.
   *
   * @param other the classification to compare with
   * @return true if {@code this >= other}
   */
  public boolean isAtLeast(Classification other) {
    return compareTo(other) >= 0;
  }

  /**
   * Tells whether data of this classification is high-risk by its level alone (important or core).
   *
   * @return true for important and core data
   */
  public boolean isHighRisk() {
    return level.isHighRisk();
  }

  /**
   * Returns the label used in Chinese reports, for example {@code 一般数据（3级）} or {@code 核心数据}.
   *
   * @return the Chinese label
   */
  public String chineseLabel() {
    return level == DataLevel.GENERAL ? level.chineseName() + "（" + grade + "级）" : level.chineseName();
  }

  @Override
  public int compareTo(Classification other) {
    return ORDER.compare(this, other);
  }

  /** Returns the text form, for example {@code GENERAL-3} or {@code CORE}. */
  @Override
  public String toString() {
    return level == DataLevel.GENERAL ? "GENERAL-" + grade : level.name();
  }
}
