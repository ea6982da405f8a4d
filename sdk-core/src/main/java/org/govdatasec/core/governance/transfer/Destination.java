package org.govdatasec.core.governance.transfer;

import java.util.Locale;
import org.govdatasec.core.governance.GovernanceError;

/**
 * A transfer destination: a region and, for {@link Region#ABROAD}, the country (ISO 3166-1 alpha-2).
 *
 * @param region the region
 * @param country the ISO country code for {@link Region#ABROAD} (upper case), {@code null} otherwise
 */
public record Destination(Region region, String country) {

  /** Mainland China. */
  public static final Destination MAINLAND = new Destination(Region.MAINLAND, null);

  /**
   * Validates.
   *
   * @param region the region
   * @param country the country
   * @throws org.govdatasec.core.governance.GovernanceException {@code GDS-GOV-028} without a region, or
   *     with a country that is not two letters for {@link Region#ABROAD} (or any country elsewhere)
   */
  public Destination {
    if (region == null || (region == Region.ABROAD) != (country != null)
        || (country != null && !country.matches("[A-Za-z]{2}"))) {
      throw GovernanceError.BAD_PERMIT.exception("A destination needs a region, and a two-letter ISO country code"
          + " exactly when the region is ABROAD.");
    }
    country = country == null ? null : country.toUpperCase(Locale.ROOT);
  }

  /**
   * Creates a destination abroad.
   *
   * @param isoCountry the ISO 3166-1 alpha-2 code
   * @return the destination
   */
  public static Destination abroad(String isoCountry) {
    return new Destination(Region.ABROAD, isoCountry);
  }

  /** Returns the region name, with the country abroad, for example {@code ABROAD:SG}. */
  @Override
  public String toString() {
    return country == null ? region.name() : region.name() + ":" + country;
  }
}
