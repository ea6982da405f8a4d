package org.govdatasec.samples.registry;

import java.time.LocalDate;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Redaction;

/**
 * A resident registered in the citizen registry (市民基本信息).
 *
 * <p>Every component but {@code remarks} is classified. {@code remarks} is left unannotated on purpose:
 * free text is where personal information hides, and the SDK reports such a field as unclassified
 * rather than guess (CLS-1).
 *
 * @param citizenNo the registry's surrogate key for the person (市民编号), the data subject's identifier
 * @param name the person's name (姓名)
 * @param idNumber the 18-digit resident identity card number (居民身份证号码, GB 11643)
 * @param mobile the mobile phone number (手机号码)
 * @param address the residential address (住址)
 * @param birthDate the date of birth (出生日期)
 * @param ethnicity the ethnic group (民族), for example 壮族
 * @param remarks free-text remarks of the registering clerk; deliberately unclassified
 */
public record Citizen(
    @DataSubjectId String citizenNo,
    @PersonalInfo(PiCategory.NAME) String name,
    @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
    @PersonalInfo(PiCategory.MOBILE) String mobile,
    @PersonalInfo(PiCategory.ADDRESS) String address,
    @PersonalInfo(PiCategory.BIRTH_DATE) LocalDate birthDate,
    @PersonalInfo(PiCategory.ETHNICITY) String ethnicity,
    // Deliberately unclassified (see above): shown as UNCLASSIFIED at run time instead of failing the build.
    @SuppressWarnings("govdatasec:UNCLASSIFIED_FIELD") String remarks) {

  /**
   * Returns the citizen with every personal-information component redacted (PI-5): the generated
   * {@code toString} of a record would print the resident ID number into logs.
   *
   * @return for example {@code Citizen[citizenNo=NN-0001, name=<NAME redacted>, ...]}
   */
  @Override
  public String toString() {
    return Redaction.toString(this);
  }
}
