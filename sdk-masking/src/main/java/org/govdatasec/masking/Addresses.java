package org.govdatasec.masking;

/**
 * Splits a Chinese address into province, city and district (the administrative part, kept by
 * generalisation) and the rest (street, building, room: dropped).
 */
final class Addresses {
  private Addresses() {}

  private static final String[] MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"};

  /** The parsed administrative prefix; any part may be empty. */
  record Parts(String province, String city, String district) {
    String upTo(Generalisation g) {
      switch (g) {
        case PROVINCE: return province;
        case CITY: return province + city;
        default: return province + city + district;
      }
    }
  }

  /**
   * Parses the administrative prefix.
   *
   * @return the parts, or {@code null} when no district or county can be found (not an address)
   */
  static Parts parse(String address) {
    if (address == null) {
      return null;
    }
    String s = address.strip();
    int pos = 0;
    String province = "";
    String city = "";
    for (String m : MUNICIPALITIES) {
      if (s.startsWith(m)) {
        province = m;
        city = "";
        pos = m.length();
        break;
      }
    }
    if (province.isEmpty()) {
      int p = endOf(s, 0, 8, "特别行政区", "自治区", "省");
      if (p > 0) {
        province = s.substring(0, p);
        pos = p;
      }
      int c = endOf(s, pos, 12, "自治州", "地区", "盟", "市");
      if (c > 0) {
        city = s.substring(pos, c);
        pos = c;
      }
    }
    int d = endOf(s, pos, 12, "自治县", "区", "县", "旗", "市");
    if (d <= pos) {
      return null;
    }
    String district = s.substring(pos, d);
    if (district.length() < 2) {
      return null;
    }
    return new Parts(province, city, district);
  }

  /** The end index of the first suffix found after at least one character, within {@code max} chars. */
  private static int endOf(String s, int from, int max, String... suffixes) {
    int best = -1;
    for (String suffix : suffixes) {
      int i = s.indexOf(suffix, from + 1);
      if (i > 0 && i - from <= max && (best < 0 || i + suffix.length() < best)) {
        best = i + suffix.length();
      }
    }
    return best;
  }
}
