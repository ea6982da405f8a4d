package org.govdatasec.samples.registry;

import java.math.BigDecimal;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Redaction;

/**
 * An application for the minimum living allowance (最低生活保障申请, 低保).
 *
 * <p>It gathers sensitive personal information of several kinds: a bank card, income, a disability
 * (特定身份) and the health of a child under 14, so it takes the sensitive floor and a guardian's
 * consent is required (PI-3).
 *
 * @param applicationNo the application number (申请编号)
 * @param applicantCitizenNo the applicant's citizen number, the data subject's identifier
 * @param applicantName the applicant's name
 * @param bankCard the bank card the allowance is paid to (银行卡号)
 * @param monthlyIncome the household's monthly income in yuan (家庭月收入)
 * @param disabilityStatus the applicant's disability certificate status (残疾情况)
 * @param dependentChildHealth health notes on a dependent child under 14 (未成年子女健康状况)
 * @param status where the application stands (办理状态)
 */
public record Application(
    @Classified(value = DataLevel.GENERAL, grade = 2, reason = "业务流水号") String applicationNo,
    @DataSubjectId String applicantCitizenNo,
    @PersonalInfo(PiCategory.NAME) String applicantName,
    @PersonalInfo(PiCategory.BANK_CARD) String bankCard,
    @PersonalInfo(PiCategory.PROPERTY) BigDecimal monthlyIncome,
    @PersonalInfo(PiCategory.SPECIFIC_IDENTITY) String disabilityStatus,
    @PersonalInfo({PiCategory.HEALTH, PiCategory.MINORS}) String dependentChildHealth,
    @Classified(value = DataLevel.GENERAL, grade = 2, reason = "办理状态，可告知申请人") ApplicationStatus status) {

  /**
   * Returns the application with every personal-information component redacted (PI-5).
   *
   * @return for example {@code Application[applicationNo=..., bankCard=<BANK_CARD redacted>, ...]}
   */
  @Override
  public String toString() {
    return Redaction.toString(this);
  }
}
