package org.govdatasec.core.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.ClassificationException;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.CombinationRule;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.PolicyError;
import org.govdatasec.core.policy.PolicyException;
import org.govdatasec.core.policy.Trigger;
import org.govdatasec.core.policy.Waiver;

/**
 * Applies the {@code govdatasec.policy.*} keys of a properties object to a policy builder. Not API; the
 * keys are documented in {@code docs/policy.md}.
 */
public final class PolicyProperties {

  /** The prefix of every policy key. */
  public static final String PREFIX = "govdatasec.policy.";

  private PolicyProperties() {}

  /**
   * Applies the overrides, in a fixed order: floors and threshold, control rows (every replacement before
   * every addition, however the control is spelt), combinations, waivers.
   *
   * @param properties the properties
   * @param b the builder to apply them to
   * @throws PolicyException for an unknown key or an unreadable value
   */
  public static void apply(Properties properties, ControlPolicy.Builder b) {
    Map<String, String> keys = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PREFIX)) {
        keys.put(name.substring(PREFIX.length()), properties.getProperty(name).trim());
      }
    }
    Map<Control, Map<String, String>> waivers = new EnumMap<>(Control.class);
    Map<Control, Map<String, String>> waiverKeys = new EnumMap<>(Control.class);
    Map<String, Map<String, String>> combinations = new TreeMap<>();
    Map<Control, List<Trigger>> replacements = new EnumMap<>(Control.class);
    Map<Control, String> replacementKeys = new EnumMap<>(Control.class);
    Map<Control, List<Trigger>> additions = new EnumMap<>(Control.class);
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      String[] parts = key.split("\\.", -1);
      switch (parts[0]) {
        case "high-risk" -> {
          expect(key, parts.length == 2 && parts[1].equals("subject-threshold"));
          b.highRiskSubjectThreshold(number(key, value));
        }
        case "floor" -> {
          expect(key, parts.length == 2);
          switch (parts[1]) {
            case "personal-information" -> b.personalInformationFloor(classification(key, value));
            case "sensitive-personal-information" -> b.sensitivePersonalInformationFloor(classification(key, value));
            default -> expect(key, false);
          }
        }
        case "control" -> {
          expect(key, parts.length == 2 || (parts.length == 3 && parts[2].equals("add")));
          Control control = control(key, parts[1]);
          List<Trigger> triggers = triggers(key, value);
          if (parts.length == 2) {
            // Two spellings of one control (ENCRYPT_AT_REST, encrypt-at-rest) would each replace its rows, and
            // which one won would depend on how the keys sort: refuse the ambiguity.
            String other = replacementKeys.putIfAbsent(control, key);
            if (other != null) {
              throw conflict(other, key, control);
            }
            replacements.put(control, triggers);
          } else {
            additions.computeIfAbsent(control, k -> new ArrayList<>()).addAll(triggers);
          }
        }
        case "waiver" -> {
          expect(key, parts.length == 3 && Set.of("reason", "approved-by", "reference").contains(parts[2]));
          Control control = control(key, parts[1]);
          String other = waiverKeys.computeIfAbsent(control, k -> new TreeMap<>()).putIfAbsent(parts[2], key);
          if (other != null) {
            throw conflict(other, key, control);
          }
          waivers.computeIfAbsent(control, k -> new TreeMap<>()).put(parts[2], value);
        }
        case "combination" -> {
          expect(key, parts.length == 3
              && Set.of("categories", "raise-to", "sensitive", "enabled").contains(parts[2]));
          combinations.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], value);
        }
        default -> expect(key, false);
      }
    }
    // Replacements first, then additions: an addition is never undone by a replacement of the same control
    // that merely sorts after it.
    replacements.forEach(b::replace);
    additions.forEach((control, triggers) -> triggers.forEach(t -> b.require(control, t)));
    combinations.forEach((name, values) -> combination(b, name, values));
    waivers.forEach((control, values) -> b.waive(new Waiver(control,
        values.get("reason"), values.get("approved-by"), values.get("reference"))));
  }

  private static PolicyException conflict(String first, String second, Control control) {
    return new PolicyException(PolicyError.UNKNOWN_PROPERTY, "the policy keys " + PREFIX + first + " and " + PREFIX
        + second + " both set " + control + "; which one applies would depend on how the keys sort.",
        "Keep one of the two keys: write each control once, as " + control + " or in lower case with dashes.");
  }

  private static void combination(ControlPolicy.Builder b, String name, Map<String, String> values) {
    String where = PREFIX + "combination." + name;
    if (values.containsKey("enabled") && !bool(where + ".enabled", values.get("enabled"))) {
      b.removeCombination(name);
      return;
    }
    CombinationRule existing = b.combination(name);
    Set<PiCategory> categories = values.containsKey("categories")
        ? categories(where + ".categories", values.get("categories"))
        : existing == null ? Set.of() : existing.allOf();
    Classification raiseTo = values.containsKey("raise-to")
        ? classification(where + ".raise-to", values.get("raise-to"))
        : existing == null ? null : existing.raiseTo();
    boolean sensitive = values.containsKey("sensitive")
        ? bool(where + ".sensitive", values.get("sensitive"))
        : existing != null && existing.sensitive();
    if (raiseTo == null) {
      throw bad(where + ".raise-to", "", "a new combination rule needs a raise-to classification");
    }
    b.combination(new CombinationRule(name, categories.isEmpty() ? EnumSet.noneOf(PiCategory.class) : categories,
        raiseTo, sensitive));
  }

  private static void expect(String key, boolean ok) {
    if (!ok) {
      throw new PolicyException(PolicyError.UNKNOWN_PROPERTY, "the policy key " + PREFIX + key + " is not known.",
          null);
    }
  }

  private static PolicyException bad(String key, String value, String why) {
    return new PolicyException(PolicyError.BAD_PROPERTY_VALUE,
        "the value '" + value + "' of " + (key.startsWith(PREFIX) ? key : PREFIX + key) + " cannot be used: " + why
            + ".", null);
  }

  private static long number(String key, String value) {
    try {
      return Long.parseLong(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw bad(key, value, "it is not a whole number");
    }
  }

  private static boolean bool(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(key, value, "write true or false");
    };
  }

  private static Classification classification(String key, String value) {
    try {
      return Classification.parse(value);
    } catch (ClassificationException e) {
      throw bad(key, value, "write GENERAL-1 to GENERAL-4, IMPORTANT or CORE");
    }
  }

  private static Control control(String key, String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Control c : Control.values()) {
      if (c.name().equals(n)) {
        return c;
      }
    }
    throw new PolicyException(PolicyError.UNKNOWN_PROPERTY,
        "the policy key " + (key.startsWith(PREFIX) ? key : PREFIX + key) + " names no control '" + name + "'.",
        "Use one of " + new TreeSet<>(List.of(names(Control.values()))) + ".");
  }

  private static String[] names(Enum<?>[] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].name();
    }
    return out;
  }

  private static List<Trigger> triggers(String key, String value) {
    List<Trigger> out = new ArrayList<>();
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        out.add(Trigger.parse(part));
      } catch (IllegalArgumentException e) {
        throw bad(key, value, e.getMessage());
      }
    }
    return out;
  }

  private static Set<PiCategory> categories(String key, String value) {
    Set<PiCategory> out = EnumSet.noneOf(PiCategory.class);
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        out.add(PiCategory.valueOf(part.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
      } catch (IllegalArgumentException e) {
        throw bad(key, value, "'" + part.trim() + "' is not a personal-information category");
      }
    }
    return out;
  }
}
