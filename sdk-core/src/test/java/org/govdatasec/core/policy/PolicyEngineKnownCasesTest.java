package org.govdatasec.core.policy;

import static org.govdatasec.core.policy.testing.Records.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.policy.testing.Records;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Known answers of the policy engine under the default policy for annotated records (CLS-2 就高从严,
 * personal-information floors and combinations; CLS-5 the controls that follow).
 */
class PolicyEngineKnownCasesTest {

  private static final Classification G1 = Classification.general(1);
  private static final Classification G2 = Classification.general(2);
  private static final Classification G3 = Classification.general(3);
  private static final Classification G4 = Classification.general(4);

  private static final PolicyEngine SMALL = engine(10_000);

  private static Set<String> sources(List<Contribution> contributions) {
    return contributions.stream().map(Contribution::source).collect(Collectors.toSet());
  }

  private static List<String> combinationNames(Assessment a) {
    return a.combinations().stream().map(CombinationRule::name).collect(Collectors.toList());
  }

  @Test
  @DisplayName("CLS-2: one IMPORTANT field makes the whole record IMPORTANT, and decisive() names that field")
  void oneImportantFieldDecides() {
    Assessment a = SMALL.assess(Records.GridPermit.class);
    assertEquals(Optional.of(Classification.IMPORTANT), a.effective());
    assertEquals(1, a.decisive().size(), a.decisive().toString());
    assertEquals("gridCoordinates", a.decisive().get(0).source());
    assertEquals(Set.of("office", "gridCoordinates", "note"), sources(a.contributions()));
    assertTrue(a.highRisk(), "important data is high-risk (CLS-3)");
    assertTrue(a.highRiskReason().contains("重要数据"), a.highRiskReason());
    assertTrue(a.control(Control.ENCRYPT_AT_REST).orElseThrow().mandatory(), "ST-2 for high-risk data");
    assertFalse(a.personalInformation());
  }

  @Test
  @DisplayName("CLS-2: a type-level @Classified is a floor for the dataset, decisive as (type)")
  void typeLevelFloor() {
    Assessment a = SMALL.assess(Records.InternalNotice.class);
    assertEquals(Optional.of(G3), a.effective());
    assertEquals(List.of("(type)"), a.decisive().stream().map(Contribution::source).collect(Collectors.toList()));
    assertTrue(a.decisive().get(0).why().contains("内部办事指南"), a.decisive().toString());
    assertTrue(a.requires(Control.TAMPER_EVIDENT_LOG), "recommended from GENERAL-3");
    assertEquals(List.of("body"), a.unclassifiedFields().stream().map(f -> f.name()).collect(Collectors.toList()));
  }

  @Test
  @DisplayName("CLS-2: a type-level floor below a field does not cap it")
  void typeLevelFloorIsNotACap() {
    Assessment a = SMALL.assess(Records.PublicNotice.class);
    assertEquals(Optional.of(G2), a.effective());
    assertEquals("title", a.decisive().get(0).source());
    assertFalse(a.requires(Control.TAMPER_EVIDENT_LOG), "GENERAL-2 is below the GENERAL-3 row");
  }

  @Test
  @DisplayName("CLS-2, PI-5: a NAME field is personal information with the GENERAL-3 floor, not sensitive")
  void nameFloor() {
    Assessment a = SMALL.assess(Records.NameOnly.class);
    assertEquals(Optional.of(G3), a.effective());
    assertTrue(a.personalInformation());
    assertFalse(a.sensitivePersonalInformation());
    assertEquals("name", a.decisive().get(0).source());
    assertTrue(a.control(Control.CONSENT_SCOPE).orElseThrow().mandatory(), "PI-1/PI-2 for personal information");
    assertFalse(a.requires(Control.ENCRYPT_AT_REST), "GENERAL-3, not sensitive, not high-risk");
    assertEquals(Strength.RECOMMENDED, a.control(Control.MASK_OUTSIDE_PRODUCTION).orElseThrow().strength());
  }

  @Test
  @DisplayName("CLS-2, PI-5: a RESIDENT_ID field is sensitive personal information with the GENERAL-4 floor")
  void residentIdFloor() {
    Assessment a = SMALL.assess(Records.IdOnly.class);
    assertEquals(Optional.of(G4), a.effective());
    assertTrue(a.personalInformation());
    assertTrue(a.sensitivePersonalInformation());
    assertTrue(a.decisive().get(0).why().contains("sensitive personal information [RESIDENT_ID]"),
        a.decisive().toString());
    assertEquals(Strength.MANDATORY, a.control(Control.MASK_OUTSIDE_PRODUCTION).orElseThrow().strength(),
        "USE-5/PI-5: sensitive personal information is masked outside production");
    assertEquals(Strength.RECOMMENDED, a.control(Control.ENCRYPT_AT_REST).orElseThrow().strength(),
        "PI-5: recommended, not mandatory, below the high-risk threshold");
    assertFalse(a.highRisk());
  }

  @Test
  @DisplayName("CLS-2: NAME + RESIDENT_ID + ADDRESS fires identity-and-address (GENERAL-4, sensitive)")
  void identityAndAddressFires() {
    Assessment a = SMALL.assess(Records.Resident.class);
    assertEquals(List.of("identity-and-address"), combinationNames(a));
    assertEquals(Optional.of(G4), a.effective());
    assertTrue(a.sensitivePersonalInformation());
    assertEquals(EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS), a.categories());
    assertTrue(sources(a.decisive()).contains("combination:identity-and-address"), a.decisive().toString());
  }

  @Test
  @DisplayName("CLS-2: the combination alone raises NAME + RESIDENT_ID(not sensitive) + ADDRESS to GENERAL-4")
  void combinationAloneRaisesLevel() {
    Assessment a = SMALL.assess(Records.ResidentDeclaredNotSensitive.class);
    assertEquals(List.of("identity-and-address"), combinationNames(a));
    assertEquals(Optional.of(G4), a.effective());
    assertTrue(a.sensitivePersonalInformation(), "the combination is sensitive personal information");
    assertEquals(List.of("combination:identity-and-address"),
        a.decisive().stream().map(Contribution::source).collect(Collectors.toList()));
    assertEquals(Strength.MANDATORY, a.control(Control.MASK_OUTSIDE_PRODUCTION).orElseThrow().strength());
  }

  @Test
  @DisplayName("CLS-2: NAME + ADDRESS alone fires no combination (GENERAL-3, not sensitive)")
  void nameAndAddressIsNoCombination() {
    Assessment a = SMALL.assess(Records.NameAndAddress.class);
    assertTrue(a.combinations().isEmpty(), combinationNames(a).toString());
    assertEquals(Optional.of(G3), a.effective());
    assertFalse(a.sensitivePersonalInformation());
  }

  @Test
  @DisplayName("CLS-2: real-name-verification fires for NAME + RESIDENT_ID + MOBILE")
  void realNameVerificationFires() {
    Assessment a = SMALL.assess(Records.RealNameCheck.class);
    assertEquals(List.of("real-name-verification"), combinationNames(a));
    assertEquals(Optional.of(G4), a.effective());
    assertTrue(a.sensitivePersonalInformation());
    Assessment contact = SMALL.assess(Records.Contact.class);
    assertTrue(contact.combinations().isEmpty(), "NAME + MOBILE is no combination");
    assertEquals(Optional.of(G3), contact.effective());
  }

  @Test
  @DisplayName("CLS-2: a combination fires across a nested record (Application holds a Citizen, has ADDRESS)")
  void combinationAcrossNesting() {
    Assessment application = SMALL.assess(Records.Application.class);
    assertEquals(List.of("identity-and-address"), combinationNames(application));
    assertEquals(EnumSet.of(PiCategory.NAME, PiCategory.RESIDENT_ID, PiCategory.ADDRESS), application.categories());
    assertEquals(Optional.of(G4), application.effective());
    assertTrue(application.sensitivePersonalInformation());

    Assessment citizen = SMALL.assess(Records.Citizen.class);
    assertTrue(citizen.combinations().isEmpty(), "the citizen alone has no address");
  }

  @Test
  @DisplayName("CLS-2: across a nesting the combination alone raises GENERAL-3 parts to GENERAL-4")
  void combinationAcrossNestingRaisesLevel() {
    assertEquals(Optional.of(G3), SMALL.assess(Records.PlainCitizen.class).effective());
    Assessment a = SMALL.assess(Records.PlainApplication.class);
    assertEquals(Optional.of(G4), a.effective());
    assertTrue(a.sensitivePersonalInformation());
    assertEquals(List.of("combination:identity-and-address"),
        a.decisive().stream().map(Contribution::source).collect(Collectors.toList()));
  }

  @Test
  @DisplayName("CLS-2: a nested type raises the level (List<Citizen> makes a Household GENERAL-4)")
  void nestedTypesRaiseTheLevel() {
    Assessment a = SMALL.assess(Records.Household.class);
    assertEquals(Optional.of(G4), a.effective());
    assertEquals(List.of("members"), a.decisive().stream().map(Contribution::source).collect(Collectors.toList()));
    assertTrue(a.decisive().get(0).why().contains("Citizen"), a.decisive().toString());
    assertTrue(a.personalInformation(), "categories of nested types count");
    assertTrue(a.sensitivePersonalInformation());
    assertFalse(a.schema().holdsPersonalInformation(), "the household itself holds no PI field");
    assertTrue(a.control(Control.CONSENT_SCOPE).orElseThrow().mandatory());
  }

  @Test
  @DisplayName("CLS-2: Optional, array and map values of a classified type raise the level too")
  void otherContainersRaiseTheLevel() {
    Assessment a = SMALL.assess(Records.Registry.class);
    assertEquals(Optional.of(G4), a.effective());
    assertEquals(Set.of("head", "archive", "byNumber"), sources(a.decisive()));
  }

  @Test
  @DisplayName("CLS-2: cyclic and self-referential types are assessed without endless recursion")
  void cyclesTerminate() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Assessment parent = SMALL.assess(Records.Parent.class);
      assertEquals(Optional.of(G3), parent.effective());
      Assessment child = SMALL.assess(Records.Child.class);
      assertEquals(Optional.of(G3), child.effective(), "the child holds its parent's NAME");
      assertTrue(child.personalInformation());
      assertEquals(List.of("parent"), child.decisive().stream().map(Contribution::source).collect(Collectors.toList()));
      Assessment node = SMALL.assess(Records.TreeNode.class);
      assertEquals(Optional.of(G1), node.effective());
      assertEquals(List.of("label"), node.decisive().stream().map(Contribution::source).collect(Collectors.toList()));
    });
  }

  @Test
  @DisplayName("CLS-1: an unclassified type has no level and no controls, and explain() says so")
  void unclassifiedType() {
    Assessment a = SMALL.assess(Records.Plain.class);
    assertFalse(a.classified());
    assertEquals(Optional.empty(), a.effective());
    assertTrue(a.controls().isEmpty());
    assertTrue(a.decisive().isEmpty());
    assertFalse(a.highRisk());
    assertTrue(a.explain().contains("UNCLASSIFIED"), a.explain());
    assertEquals(2, a.unclassifiedFields().size());
    Assessment huge = engine(5_000_000).assess(Records.Plain.class);
    assertFalse(huge.highRisk(), "no personal information, no volume rule");
    assertTrue(huge.controls().isEmpty());
  }

  @Test
  @DisplayName("PI-3: information of children under 14 requires GUARDIAN_CONSENT_UNDER_14 (mandatory, NJ-18)")
  void minorsRequireGuardianConsent() {
    Assessment a = SMALL.assess(Records.ChildHealth.class);
    assertTrue(a.minors());
    assertTrue(a.sensitivePersonalInformation());
    assertEquals(Optional.of(G4), a.effective());
    RequiredControl guardian = a.control(Control.GUARDIAN_CONSENT_UNDER_14).orElseThrow();
    assertTrue(guardian.mandatory());
    assertEquals(List.of(org.govdatasec.core.Requirement.PI_3), guardian.requirements());
    assertEquals(List.of("NJ-18"), guardian.clauses());
    assertTrue(a.explain().contains("children under 14"), a.explain());
    assertFalse(SMALL.assess(Records.IdOnly.class).requires(Control.GUARDIAN_CONSENT_UNDER_14),
        "adult sensitive information needs no guardian");
  }

  @Test
  @DisplayName("CLS-5: every classified dataset gets the controls the regulations mandate for all data")
  void baselineForAnyClassifiedData() {
    Assessment a = SMALL.assess(Records.PublicNotice.class);
    for (Control c : List.of(Control.CATALOG_REGISTRATION, Control.APPROVAL_BEFORE_USE, Control.AUDIT_EVERY_ACCESS,
        Control.LOG_RETENTION_180_DAYS, Control.LEAKAGE_MONITORING, Control.SHARING_APPROVAL,
        Control.CROSS_BORDER_GUARD, Control.APPROVED_DESTRUCTION_RECORD, Control.RETENTION_SCHEDULE,
        Control.BACKUP_AND_RESTORE_TEST)) {
      assertTrue(a.control(c).map(RequiredControl::mandatory).orElse(false), c + " is mandatory for any data");
    }
    assertFalse(a.requires(Control.CONSENT_SCOPE), "no personal information");
    List<Control> order = a.controls().stream().map(RequiredControl::control).collect(Collectors.toList());
    List<Control> sorted = order.stream().sorted().collect(Collectors.toList());
    assertEquals(sorted, order, "controls come in the order of Control");
  }

  @Test
  @DisplayName("CLS-2: the classification of a type is computed once, but each engine uses its own policy")
  void eachEngineUsesItsPolicy() {
    ControlPolicy strict = ControlPolicy.defaults().toBuilder()
        .personalInformationFloor(G4).sensitivePersonalInformationFloor(Classification.IMPORTANT).build();
    Assessment a = engine(strict, 0).assess(Records.NameOnly.class);
    assertEquals(Optional.of(G4), a.effective());
    Assessment b = engine(strict, 0).assess(Records.IdOnly.class);
    assertEquals(Optional.of(Classification.IMPORTANT), b.effective());
    assertTrue(b.highRisk());
    assertEquals(Optional.of(G3), SMALL.assess(Records.NameOnly.class).effective(), "the default engine is unchanged");
  }
}
