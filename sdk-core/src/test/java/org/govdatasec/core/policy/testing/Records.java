package org.govdatasec.core.policy.testing;

import static org.govdatasec.core.classification.DataLevel.GENERAL;
import static org.govdatasec.core.classification.DataLevel.IMPORTANT;
import static org.govdatasec.core.classification.PiCategory.ADDRESS;
import static org.govdatasec.core.classification.PiCategory.HEALTH;
import static org.govdatasec.core.classification.PiCategory.MINORS;
import static org.govdatasec.core.classification.PiCategory.MOBILE;
import static org.govdatasec.core.classification.PiCategory.NAME;
import static org.govdatasec.core.classification.PiCategory.RESIDENT_ID;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.Sensitivity;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.SubjectCounter;
import org.govdatasec.core.policy.SystemProfile;
import org.govdatasec.core.policy.ControlPolicy;

/**
 * Annotated records with known answers for the policy tests, and engine factories. Each record's javadoc
 * says what the default policy makes of it.
 */
public final class Records {

  private Records() {}

  /**
   * An engine for a system with a fixed number of subjects.
   *
   * @param policy the policy
   * @param subjects the number of data subjects
   * @return the engine
   */
  public static PolicyEngine engine(ControlPolicy policy, long subjects) {
    return engine(policy, () -> subjects);
  }

  /**
   * An engine for a system with a live subject counter.
   *
   * @param policy the policy
   * @param counter the counter
   * @return the engine
   */
  public static PolicyEngine engine(ControlPolicy policy, SubjectCounter counter) {
    return PolicyEngine.builder().policy(policy)
        .system(SystemProfile.builder().name("测试登记系统").owner("测试数据局").subjectCounter(counter).build())
        .build();
  }

  /**
   * An engine for the default policy and a fixed number of subjects.
   *
   * @param subjects the number of data subjects
   * @return the engine
   */
  public static PolicyEngine engine(long subjects) {
    return engine(ControlPolicy.defaults(), subjects);
  }

  /** IMPORTANT because of one field, {@code gridCoordinates}; the others are GENERAL-1 and GENERAL-2. */
  public record GridPermit(
      @Classified(value = GENERAL, grade = 1) String office,
      @Classified(value = IMPORTANT, reason = "网格坐标") String gridCoordinates,
      @Classified(value = GENERAL, grade = 2) String note) {}

  /** GENERAL-3 from the type-level floor; its only classified field is GENERAL-1. */
  @Classified(value = GENERAL, grade = 3, reason = "内部办事指南")
  public record InternalNotice(@Classified(value = GENERAL, grade = 1) String title, String body) {}

  /** GENERAL-2: a type-level GENERAL-1 is a floor, not a cap. */
  @Classified(value = GENERAL, grade = 1, reason = "公开数据")
  public record PublicNotice(@Classified(value = GENERAL, grade = 2) String title) {}

  /** GENERAL-3: a NAME field is (not sensitive) personal information. */
  public record NameOnly(@DataSubjectId String citizenNo, @PersonalInfo(NAME) String name) {}

  /** GENERAL-4, sensitive: a resident ID number is sensitive personal information. */
  public record IdOnly(@DataSubjectId @PersonalInfo(RESIDENT_ID) String idNumber) {}

  /** GENERAL-3, personal information that is not sensitive (NAME + MOBILE): no combination fires. */
  public record Contact(@PersonalInfo(NAME) String name, @PersonalInfo(MOBILE) String mobile) {}

  /** NAME + MOBILE + ADDRESS: GENERAL-3 and not sensitive under the defaults (no default combination). */
  public record ContactWithAddress(
      @PersonalInfo(NAME) String name, @PersonalInfo(MOBILE) String mobile, @PersonalInfo(ADDRESS) String address) {}

  /** GENERAL-4, sensitive, and "identity-and-address" fires (NAME + RESIDENT_ID + ADDRESS). */
  public record Resident(
      @PersonalInfo(NAME) String name,
      @DataSubjectId @PersonalInfo(RESIDENT_ID) String idNumber,
      @PersonalInfo(ADDRESS) String address) {}

  /**
   * As {@link Resident}, but the ID number is declared not sensitive: only "identity-and-address" makes
   * it GENERAL-4 and sensitive.
   */
  public record ResidentDeclaredNotSensitive(
      @PersonalInfo(NAME) String name,
      @DataSubjectId @PersonalInfo(value = RESIDENT_ID, sensitivity = Sensitivity.NOT_SENSITIVE) String idNumber,
      @PersonalInfo(ADDRESS) String address) {}

  /** GENERAL-3 and not sensitive: NAME + ADDRESS is no combination. */
  public record NameAndAddress(@PersonalInfo(NAME) String name, @PersonalInfo(ADDRESS) String address) {}

  /**
   * NAME + RESIDENT_ID (declared not sensitive) + MOBILE: GENERAL-4 and sensitive only through
   * "real-name-verification".
   */
  public record RealNameCheck(
      @PersonalInfo(NAME) String name,
      @DataSubjectId @PersonalInfo(value = RESIDENT_ID, sensitivity = Sensitivity.NOT_SENSITIVE) String idNumber,
      @PersonalInfo(MOBILE) String mobile) {}

  /** A citizen: NAME and a sensitive RESIDENT_ID, GENERAL-4. */
  public record Citizen(@PersonalInfo(NAME) String name, @DataSubjectId @PersonalInfo(RESIDENT_ID) String idNumber) {}

  /** A citizen whose ID number is declared not sensitive: GENERAL-3. */
  public record PlainCitizen(
      @PersonalInfo(NAME) String name,
      @DataSubjectId @PersonalInfo(value = RESIDENT_ID, sensitivity = Sensitivity.NOT_SENSITIVE) String idNumber) {}

  /** Holds a {@link Citizen} and an ADDRESS: "identity-and-address" fires across the nesting. */
  public record Application(
      @Classified(value = GENERAL, grade = 2) String applicationNo, Citizen applicant,
      @PersonalInfo(ADDRESS) String address) {}

  /**
   * Holds a {@link PlainCitizen} (GENERAL-3) and an ADDRESS (GENERAL-3): only the combination across the
   * nesting makes it GENERAL-4 and sensitive.
   */
  public record PlainApplication(
      @Classified(value = GENERAL, grade = 2) String applicationNo, PlainCitizen applicant,
      @PersonalInfo(ADDRESS) String address) {}

  /** GENERAL-2 by its own field, GENERAL-4 through the citizens it holds. */
  public record Household(@Classified(value = GENERAL, grade = 2) String householdNo, List<Citizen> members) {}

  /** A type holding citizens in an optional, an array and a map, not in a collection. */
  public record Registry(
      @Classified(value = GENERAL, grade = 1) String name, Optional<Citizen> head, Citizen[] archive,
      Map<String, Citizen> byNumber) {}

  /** One half of a cycle: GENERAL-3 (NAME), holds {@link Child}. */
  public record Parent(@PersonalInfo(NAME) String name, List<Child> children) {}

  /** The other half: GENERAL-2 by its field, GENERAL-3 through its {@link Parent}. */
  public record Child(@Classified(value = GENERAL, grade = 2) String school, Parent parent) {}

  /** A self-referential type: GENERAL-1. */
  public record TreeNode(@Classified(value = GENERAL, grade = 1) String label, TreeNode parent, List<TreeNode> children) {}

  /** Nothing classified. */
  public record Plain(String text, int count) {}

  /** Information of a child under 14: GENERAL-4, sensitive, minors. */
  public record ChildHealth(
      @PersonalInfo(NAME) String name, @PersonalInfo({HEALTH, MINORS}) String vaccinationNotes) {}

  /** GENERAL-4 without any personal information. */
  public record Statistic(@Classified(value = GENERAL, grade = 4) String districtTotals) {}
}
