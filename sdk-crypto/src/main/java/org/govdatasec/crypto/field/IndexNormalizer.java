package org.govdatasec.crypto.field;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Normalisations applied to a value before its {@link BlindIndex} is computed, so that the same value
 * written differently finds the same rows (ST-2). They run in the order given to
 * {@link BlindIndex.Builder#normalizers}; the default is {@link #NFKC} then {@link #TRIM}.
 *
 * <p>Normalise the same way on write and on query: changing an index's normalisers changes its values,
 * so the column must be recomputed.
 */
public enum IndexNormalizer implements UnaryOperator<String> {
  /** Unicode NFKC: full-width digits and letters (１２３, Ｘ) become ASCII, compatibility forms fold. */
  NFKC {
    @Override
    public String apply(String s) {
      return Normalizer.isNormalized(s, Normalizer.Form.NFKC) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
  },
  /** Removes leading and trailing white space, the ideographic space U+3000 included. */
  TRIM {
    @Override
    public String apply(String s) {
      return s.strip();
    }
  },
  /** Upper case (locale-independent). */
  UPPER_CASE {
    @Override
    public String apply(String s) {
      return s.toUpperCase(Locale.ROOT);
    }
  },
  /** Lower case (locale-independent). */
  LOWER_CASE {
    @Override
    public String apply(String s) {
      return s.toLowerCase(Locale.ROOT);
    }
  },
  /** Removes all white space and hyphens/dashes (ASCII and Unicode), as typed inside numbers. */
  REMOVE_SEPARATORS {
    @Override
    public String apply(String s) {
      StringBuilder sb = null;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (isSeparator(c)) {
          if (sb == null) {
            sb = new StringBuilder(s.length()).append(s, 0, i);
          }
        } else if (sb != null) {
          sb.append(c);
        }
      }
      return sb == null ? s : sb.toString();
    }
  },
  /**
   * A resident ID number (GB 11643): NFKC, separators removed, and a trailing check character
   * {@code x} upper-cased, so {@code 11010519491231002x}, {@code 110105 19491231 002X} and its full-width
   * form give the same index.
   */
  ID_NUMBER {
    @Override
    public String apply(String s) {
      String t = REMOVE_SEPARATORS.apply(NFKC.apply(s));
      int last = t.length() - 1;
      return last >= 0 && t.charAt(last) == 'x' ? t.substring(0, last) + 'X' : t;
    }
  },
  /**
   * A mainland mobile number: NFKC, separators and brackets removed, and the country code {@code +86} or
   * {@code 0086} dropped, so {@code +86 138-0013-8001} and {@code 13800138001} give the same index.
   */
  MOBILE {
    @Override
    public String apply(String s) {
      String t = REMOVE_SEPARATORS.apply(NFKC.apply(s)).replace("(", "").replace(")", "");
      if (t.startsWith("+86")) {
        return t.substring(3);
      }
      if (t.startsWith("0086")) {
        return t.substring(4);
      }
      return t;
    }
  };

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010' || c == '\u2011'
        || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212' || c == '\uFE63' || c == '\uFF0D';
  }

  /**
   * Normalises a value.
   *
   * @param s the value, not null
   * @return the normalised value
   */
  @Override
  public abstract String apply(String s);
}
