package org.govdatasec.core.internal.governance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads the date of birth out of a resident ID number (GB 11643): digits 7 to 14 of the 18-digit form
 * ({@code yyyyMMdd}), digits 7 to 12 of the legacy 15-digit form ({@code yyMMdd}, 19yy). The check digit is
 * sdk-masking's business; here only the shape and a real calendar date are required. Not API.
 */
public final class ResidentIdBirthDates {
  private ResidentIdBirthDates() {}

  /**
   * Reads the birth date.
   *
   * @param idNumber the ID number
   * @return the birth date, or empty if the number has no readable date
   */
  public static Optional<LocalDate> birthDate(String idNumber) {
    if (idNumber == null) {
      return Optional.empty();
    }
    String id = idNumber.strip();
    try {
      if (id.length() == 18 && id.substring(0, 17).chars().allMatch(ResidentIdBirthDates::digit)
          && (digit(id.charAt(17)) || id.charAt(17) == 'X' || id.charAt(17) == 'x')) {
        return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
            Integer.parseInt(id.substring(12, 14))));
      }
      if (id.length() == 15 && id.chars().allMatch(ResidentIdBirthDates::digit)) {
        return Optional.of(LocalDate.of(1900 + Integer.parseInt(id.substring(6, 8)),
            Integer.parseInt(id.substring(8, 10)), Integer.parseInt(id.substring(10, 12))));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }
}
