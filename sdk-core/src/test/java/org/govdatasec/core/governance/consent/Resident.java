package org.govdatasec.core.governance.consent;

import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.PiCategory;

/**
 * A test record: personal fields of several categories, a sensitive one, a classified non-personal field
 * and an unclassified one.
 *
 * @param residentNo the subject id
 * @param name name
 * @param idNumber resident ID number
 * @param mobile mobile
 * @param address address
 * @param health health notes (sensitive)
 * @param district district code (non-personal)
 * @param remarks free text (unclassified)
 */
public record Resident(
    @DataSubjectId String residentNo,
    @PersonalInfo(PiCategory.NAME) String name,
    @PersonalInfo(PiCategory.RESIDENT_ID) String idNumber,
    @PersonalInfo(PiCategory.MOBILE) String mobile,
    @PersonalInfo(PiCategory.ADDRESS) String address,
    @PersonalInfo(PiCategory.HEALTH) String health,
    @Classified(value = DataLevel.GENERAL, grade = 2) String district,
    String remarks) {

  /** An adult, born 1982-03-15. */
  public static final Resident ADULT = new Resident("R-1", "黄志强", "450103198203150311", "13800138001",
      "青秀区东葛路118号", "高血压", "450103", "户主");

  /** A child born 2016-11-02: under 14 on 2024-06-18. */
  public static final Resident CHILD = new Resident("R-3", "黄思远", "450103201611020174", "13800138003",
      "青秀区东葛路118号", "支气管哮喘", "450103", "随父落户");
}
