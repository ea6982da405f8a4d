package org.govdatasec.masking;

import java.util.Collection;
import org.govdatasec.core.classification.PiCategory;

/**
 * The default rule per personal-information category and {@link Profile} (PI-5, USE-5); the table is in
 * {@code docs/masking.md}, generated from this class.
 *
 * <ul>
 *   <li>{@link Profile#TEST_FIXTURE}: identifiers are pseudonymised (format-valid, joinable; ID numbers
 *       keep the birth year, birth dates their year), addresses keep their district, income is bucketed,
 *       other sensitive attributes are suppressed, non-sensitive attributes (gender, ethnicity) are kept
 *       as quasi-identifiers the k-anonymity check measures.</li>
 *   <li>{@link Profile#DISPLAY}: partial masks a person recognises (name: surname; ID: first 3 and last 4),
 *       addresses to district, birth dates to year, sensitive attributes suppressed.</li>
 *   <li>{@link Profile#EXPORT}: identifiers as keyed HMAC-SM3 hashes (joinable by the receiver, not
 *       reversible), names and contact data suppressed, dates and addresses generalised.</li>
 * </ul>
 *
 * <p>A field's rule is the rule of its identifier category when it has one; otherwise the strictest of
 * its attribute categories (SUPPRESS over GENERALISE over KEEP).
 */
public final class DefaultRules {
  private DefaultRules() {}

  /**
   * Returns the default rule of a category in a profile. Invalid values are masked as generic text
   * ({@link OnInvalid#GENERIC}) so that a default never fails a whole run.
   *
   * @param category the category
   * @param profile the profile
   * @return the rule
   */
  public static FieldRule rule(PiCategory category, Profile profile) {
    Format f = Format.of(category);
    FieldRule.Builder b;
    switch (profile) {
      case TEST_FIXTURE:
        b = fixture(category, f);
        break;
      case DISPLAY:
        b = display(category, f);
        break;
      default:
        b = export(category, f);
        break;
    }
    return b.onInvalid(OnInvalid.GENERIC).build();
  }

  /**
   * Returns the default rule of a field with several categories: its identifier category's rule, else the
   * strictest attribute rule.
   *
   * @param categories the field's categories, at least one
   * @param profile the profile
   * @return the rule
   * @throws IllegalArgumentException for an empty collection
   */
  public static FieldRule rule(Collection<PiCategory> categories, Profile profile) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("no categories");
    }
    FieldRule best = null;
    for (PiCategory c : categories) {
      FieldRule r = rule(c, profile);
      if (c.kind() == PiCategory.Kind.IDENTIFIER) {
        return r;
      }
      if (best == null || rank(r.strategy()) > rank(best.strategy())) {
        best = r;
      }
    }
    return best;
  }

  private static int rank(Strategy s) {
    return s == Strategy.SUPPRESS ? 3 : s == Strategy.KEEP ? 0 : s == Strategy.GENERALISE ? 1 : 2;
  }

  private static FieldRule.Builder fixture(PiCategory c, Format f) {
    if (c == PiCategory.ORG_CREDIT_CODE) {
      return FieldRule.builder(f, Strategy.PSEUDONYMISE);
    }
    if (c == PiCategory.PROPERTY) {
      return FieldRule.builder(f, Strategy.GENERALISE).bucket(1000);
    }
    if (c.kind() == PiCategory.Kind.IDENTIFIER) {
      return FieldRule.builder(f, Strategy.PSEUDONYMISE).keepBirthYear(true);
    }
    return attribute(c, f);
  }

  private static FieldRule.Builder display(PiCategory c, Format f) {
    switch (c) {
      case NAME: return FieldRule.builder(f, Strategy.MASK).keep(1, 0);
      case RESIDENT_ID: case SOCIAL_SECURITY: return FieldRule.builder(f, Strategy.MASK).keep(3, 4);
      case MOBILE: return FieldRule.builder(f, Strategy.MASK).keep(3, 4);
      case LANDLINE: return FieldRule.builder(f, Strategy.MASK).keep(4, 2);
      case EMAIL: return FieldRule.builder(f, Strategy.MASK).keep(1, 0);
      case ADDRESS: return FieldRule.builder(f, Strategy.GENERALISE).generalisation(Generalisation.DISTRICT);
      case BANK_CARD: return FieldRule.builder(f, Strategy.MASK).keep(6, 4);
      case ORG_CREDIT_CODE: return FieldRule.builder(f, Strategy.KEEP);
      case PASSPORT: case PERMIT: return FieldRule.builder(f, Strategy.MASK).keep(1, 3);
      case VEHICLE_PLATE: return FieldRule.builder(f, Strategy.MASK).keep(2, 2);
      case IP_ADDRESS: return FieldRule.builder(f, Strategy.GENERALISE);
      case BIRTH_DATE: return FieldRule.builder(f, Strategy.GENERALISE).generalisation(Generalisation.YEAR);
      case PROPERTY: return FieldRule.builder(f, Strategy.SUPPRESS);
      default: return attribute(c, f);
    }
  }

  private static FieldRule.Builder export(PiCategory c, Format f) {
    switch (c) {
      case NAME: case MOBILE: case LANDLINE: case EMAIL: return FieldRule.builder(f, Strategy.SUPPRESS);
      case ADDRESS: return FieldRule.builder(f, Strategy.GENERALISE).generalisation(Generalisation.DISTRICT);
      case ORG_CREDIT_CODE: return FieldRule.builder(f, Strategy.KEEP);
      case IP_ADDRESS: return FieldRule.builder(f, Strategy.GENERALISE);
      case BIRTH_DATE: return FieldRule.builder(f, Strategy.GENERALISE).generalisation(Generalisation.YEAR);
      case PROPERTY: return FieldRule.builder(f, Strategy.GENERALISE).bucket(1000);
      default:
        if (c.kind() == PiCategory.Kind.IDENTIFIER) {
          return FieldRule.builder(f, Strategy.HASH).hashHexLength(32);
        }
        return attribute(c, f);
    }
  }

  private static FieldRule.Builder attribute(PiCategory c, Format f) {
    return FieldRule.builder(f, c.sensitiveByDefault() ? Strategy.SUPPRESS : Strategy.KEEP);
  }

  /**
   * Describes a rule in a few words, as in the docs table: {@code MASK(3,4)}, {@code PSEUDONYMISE keep-birth-year}.
   *
   * @param rule the rule
   * @return the description
   */
  public static String describe(FieldRule rule) {
    StringBuilder sb = new StringBuilder(rule.strategy().name());
    switch (rule.strategy()) {
      case MASK:
        sb.append('(').append(rule.keepFirst()).append(',').append(rule.keepLast()).append(')');
        break;
      case GENERALISE:
        Generalisation g = rule.effectiveGeneralisation();
        sb.append(' ').append(g.name().toLowerCase(java.util.Locale.ROOT));
        if (g == Generalisation.BUCKET) {
          sb.append(' ').append(rule.bucket());
        }
        break;
      case HASH:
        sb.append(" hex ").append(rule.hashHexLength());
        break;
      case PSEUDONYMISE:
        if (rule.keepBirthYear() && (rule.format() == Format.RESIDENT_ID || rule.format() == Format.BIRTH_DATE)) {
          sb.append(" keep-birth-year");
        }
        break;
      default:
        break;
    }
    return sb.toString();
  }
}
