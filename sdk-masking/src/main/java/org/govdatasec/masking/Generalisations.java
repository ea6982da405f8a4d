package org.govdatasec.masking;

/** Which generalisations apply to which format, and the defaults. */
final class Generalisations {
  private Generalisations() {}

  static boolean applies(Format format, Generalisation g) {
    switch (format) {
      case BIRTH_DATE: case DATE: return g == Generalisation.YEAR || g == Generalisation.DECADE || g == Generalisation.AGE_BAND;
      case ADDRESS: case RESIDENT_ID:
        return g == Generalisation.PROVINCE || g == Generalisation.CITY || g == Generalisation.DISTRICT;
      case NUMBER: return g == Generalisation.BUCKET;
      case IP_ADDRESS: return g == Generalisation.SUBNET;
      case MOBILE: return g == Generalisation.PREFIX;
      default: return false;
    }
  }

  static Generalisation defaultFor(Format format) {
    switch (format) {
      case BIRTH_DATE: case DATE: return Generalisation.YEAR;
      case ADDRESS: return Generalisation.DISTRICT;
      case RESIDENT_ID: return Generalisation.CITY;
      case NUMBER: return Generalisation.BUCKET;
      case IP_ADDRESS: return Generalisation.SUBNET;
      case MOBILE: return Generalisation.PREFIX;
      default: return null;
    }
  }
}
