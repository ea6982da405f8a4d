package org.govdatasec.samples.registry;

import java.util.List;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.PiCategory;

/**
 * A registered household (户籍登记): its head, its other members and its hukou.
 *
 * <p>It holds {@link Citizen} records, so it is classified at least as high as a citizen (CLS-2), and
 * the categories of the nested citizens count towards its combinations.
 *
 * @param householdNo the household number (户号), an internal business key
 * @param headCitizenNo the citizen number of the head of household (户主), the data subject's identifier
 * @param registeredAddress the registered address of the household (户籍地址)
 * @param head the head of household
 * @param members the other members of the household, head not included
 * @param hukouType the kind of household registration (户口类别), for example 居民家庭户口
 */
public record Household(
    @Classified(value = DataLevel.GENERAL, grade = 2, reason = "户号，内部业务编号") String householdNo,
    @DataSubjectId String headCitizenNo,
    @PersonalInfo(PiCategory.ADDRESS) String registeredAddress,
    Citizen head,
    List<Citizen> members,
    @PersonalInfo(PiCategory.HOUSEHOLD_REGISTRATION) String hukouType) {

  /**
   * Creates a household, copying the member list so the record stays immutable.
   *
   * @param householdNo the household number (户号), an internal business key
   * @param headCitizenNo the citizen number of the head of household (户主), the data subject's identifier
   * @param registeredAddress the registered address of the household (户籍地址)
   * @param head the head of household
   * @param members the other members of the household, head not included
   * @param hukouType the kind of household registration (户口类别), for example 居民家庭户口
   */
  public Household {
    members = List.copyOf(members);
  }
}
