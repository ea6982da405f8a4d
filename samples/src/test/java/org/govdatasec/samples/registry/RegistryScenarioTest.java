package org.govdatasec.samples.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.policy.Control;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.PolicyEngine;
import org.junit.jupiter.api.Test;

class RegistryScenarioTest {

  @Test
  void everyTypeHoldingPersonalInformationNamesItsSubject() {
    for (Class<?> type : new RegistryScenario().dataTypes()) {
      TypeSchema schema = Schemas.of(type);
      if (schema.holdsPersonalInformation()) {
        assertTrue(schema.subjectIdField().isPresent(), type.getSimpleName());
      }
    }
  }

  @Test
  void agencyPolicyWaivesTheCrossBorderGuardAndTightensEncryption() {
    ControlPolicy policy = RegistryScenario.agencyPolicy();
    assertEquals(1, policy.waivers().size());
    assertEquals(Control.CROSS_BORDER_GUARD, policy.waivers().get(0).control());
    assertTrue(policy.waivers().get(0).reason().contains("电子政务外网"), "read as UTF-8");
    RegistryScenario scenario = new RegistryScenario();
    assertTrue(scenario.engine(policy).assess(ServiceAppointment.class).requires(Control.ENCRYPT_AT_REST));
    assertTrue(!scenario.engine(ControlPolicy.defaults()).assess(ServiceAppointment.class)
        .requires(Control.ENCRYPT_AT_REST));
  }

  @Test
  void subjectCountIsReadLive() {
    RegistryScenario scenario = new RegistryScenario();
    PolicyEngine engine = scenario.engine(ControlPolicy.defaults());
    assertEquals(RegistryScenario.PILOT_SUBJECTS, scenario.system().subjects());
    assertTrue(!engine.assess(Citizen.class).highRisk());
    scenario.registerSubjects(RegistryScenario.CITY_WIDE_SUBJECTS);
    assertTrue(engine.assess(Citizen.class).highRisk());
    assertThrows(IllegalArgumentException.class, () -> scenario.registerSubjects(-1));
  }
}
