package org.govdatasec.core.policy;

import java.util.Locale;
import java.util.Objects;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.ClassificationException;

/**
 * When a {@link ControlRule} applies to a dataset.
 *
 * <p>Every trigger is upward-closed: if it applies to a dataset, it applies to the same dataset at any
 * higher level. That makes the required controls grow monotonically with the level (CLS-5). Text forms,
 * used in properties files: {@code level>=GENERAL-3}, {@code personal-information},
 * {@code sensitive-personal-information}, {@code minors}, {@code high-risk}.
 *
 * @param kind the kind of condition
 * @param from for {@link Kind#LEVEL_AT_LEAST}, the lowest classification it applies to; otherwise
 *     {@code null}
 */
public record Trigger(Kind kind, Classification from) {

  /** The kinds of condition. */
  public enum Kind {
    /** The dataset's effective classification is at least {@link Trigger#from()}. */
    LEVEL_AT_LEAST,
    /** The dataset holds personal information. */
    PERSONAL_INFORMATION,
    /** The dataset holds sensitive personal information. */
    SENSITIVE_PERSONAL_INFORMATION,
    /** The dataset holds information of children under 14. */
    MINORS,
    /** The dataset is high-risk: important or core data, or personal information at scale (CLS-3). */
    HIGH_RISK
  }

  /** Any classified data: {@code level>=GENERAL-1}. */
  public static final Trigger ANY = new Trigger(Kind.LEVEL_AT_LEAST, Classification.general(1));
  /** {@code personal-information}. */
  public static final Trigger PERSONAL_INFORMATION = new Trigger(Kind.PERSONAL_INFORMATION, null);
  /** {@code sensitive-personal-information}. */
  public static final Trigger SENSITIVE_PERSONAL_INFORMATION = new Trigger(Kind.SENSITIVE_PERSONAL_INFORMATION, null);
  /** {@code minors}. */
  public static final Trigger MINORS = new Trigger(Kind.MINORS, null);
  /** {@code high-risk}. */
  public static final Trigger HIGH_RISK = new Trigger(Kind.HIGH_RISK, null);

  /**
   * Validates the trigger.
   *
   * @param kind the kind of condition
   * @param from for {@link Kind#LEVEL_AT_LEAST}, the lowest classification it applies to; otherwise {@code null}
   * @throws IllegalArgumentException if {@code from} is missing for a level trigger or given for another
   */
  public Trigger {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.LEVEL_AT_LEAST) != (from != null)) {
      throw new IllegalArgumentException("a classification goes with LEVEL_AT_LEAST, and only with it");
    }
  }

  /**
   * Returns the trigger "classification at least {@code from}".
   *
   * @param from the lowest classification the trigger applies to
   * @return the trigger
   */
  public static Trigger levelAtLeast(Classification from) {
    return new Trigger(Kind.LEVEL_AT_LEAST, Objects.requireNonNull(from, "from"));
  }

  /**
   * Parses a trigger's text form.
   *
   * @param text for example {@code level>=GENERAL-3} or {@code high-risk}
   * @return the trigger
   * @throws IllegalArgumentException if the text is not a trigger
   */
  public static Trigger parse(String text) {
    String t = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("level>=")) {
      try {
        return levelAtLeast(Classification.parse(t.substring("level>=".length())));
      } catch (ClassificationException e) {
        throw new IllegalArgumentException("'" + text + "' names no classification after level>=", e);
      }
    }
    for (Trigger k : new Trigger[] {PERSONAL_INFORMATION, SENSITIVE_PERSONAL_INFORMATION, MINORS, HIGH_RISK}) {
      if (k.toString().equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a trigger; write level>=GENERAL-n, level>=IMPORTANT,"
        + " level>=CORE, personal-information, sensitive-personal-information, minors or high-risk");
  }

  /**
   * Tells whether the trigger applies to a dataset.
   *
   * @param facts the dataset's facts
   * @return true if the trigger applies
   */
  public boolean matches(DatasetFacts facts) {
    return switch (kind) {
      case LEVEL_AT_LEAST -> facts.classification().isAtLeast(from);
      case PERSONAL_INFORMATION -> facts.personalInformation();
      case SENSITIVE_PERSONAL_INFORMATION -> facts.sensitivePersonalInformation();
      case MINORS -> facts.minors();
      case HIGH_RISK -> facts.highRisk();
    };
  }

  /** Returns the text form, for example {@code level>=GENERAL-3} or {@code high-risk}. */
  @Override
  public String toString() {
    return switch (kind) {
      case LEVEL_AT_LEAST -> "level>=" + from;
      case PERSONAL_INFORMATION -> "personal-information";
      case SENSITIVE_PERSONAL_INFORMATION -> "sensitive-personal-information";
      case MINORS -> "minors";
      case HIGH_RISK -> "high-risk";
    };
  }
}
