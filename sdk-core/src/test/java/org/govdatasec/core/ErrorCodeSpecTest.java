package org.govdatasec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.classification.ClassificationError;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.policy.PolicyError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ErrorCode.Spec}: the one definition behind every error code's code, fix and requirements (CLS-1). */
class ErrorCodeSpecTest {

  @Test
  @DisplayName("the accessors of an error code read its spec")
  void accessorsReadTheSpec() {
    List<ErrorCode> all = new ArrayList<>();
    all.addAll(List.of(ClassificationError.values()));
    all.addAll(List.of(PolicyError.values()));
    all.addAll(List.of(AuditError.values()));
    all.addAll(List.of(GovernanceError.values()));
    for (ErrorCode e : all) {
      assertEquals(e.spec().code(), e.code());
      assertEquals(e.spec().fix(), e.fix());
      assertEquals(e.spec().requirements(), e.requirements());
    }
    assertEquals("GDS-AUDIT-002", AuditError.INVALID_TEXT.code());
    assertEquals(List.of(Requirement.AU_1, Requirement.AU_2), AuditError.INVALID_TEXT.requirements());
    assertEquals("Write the value in the form docs/policy.md gives for that key.",
        PolicyError.BAD_PROPERTY_VALUE.fix());
  }

  @Test
  @DisplayName("a spec copies its requirements and refuses none, a null code or a null fix")
  void specValidates() {
    List<Requirement> reqs = new ArrayList<>(List.of(Requirement.CLS_1));
    ErrorCode.Spec spec = new ErrorCode.Spec("GDS-X-001", "fix it", reqs);
    reqs.add(Requirement.CLS_2);
    assertEquals(List.of(Requirement.CLS_1), spec.requirements());
    assertThrows(UnsupportedOperationException.class, () -> spec.requirements().add(Requirement.CLS_2));
    assertEquals(spec, ErrorCode.Spec.of("GDS-X-001", "fix it", Requirement.CLS_1));
    assertThrows(IllegalArgumentException.class, () -> ErrorCode.Spec.of("GDS-X-001", "fix it"));
    assertThrows(NullPointerException.class, () -> ErrorCode.Spec.of(null, "fix it", Requirement.CLS_1));
    assertThrows(NullPointerException.class, () -> ErrorCode.Spec.of("GDS-X-001", null, Requirement.CLS_1));
    assertThrows(NullPointerException.class,
        () -> ErrorCode.Spec.of("GDS-X-001", "fix it", (Requirement) null));
  }
}
