package org.govdatasec.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.approval.ApprovalService;
import org.govdatasec.core.governance.approval.BulkOperation;
import org.govdatasec.core.governance.approval.BulkOperationGuard;
import org.govdatasec.core.governance.approval.Operation;
import org.govdatasec.core.governance.consent.ConsentGuard;
import org.govdatasec.core.governance.consent.InMemoryConsentStore;
import org.govdatasec.core.governance.destruction.DestructionRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Builders and values validate eagerly and refuse bad input with their GDS-GOV code. */
class GovernanceBuildersTest {

  private static void refused(GovernanceError error, Executable build) {
    assertEquals(error, assertThrows(GovernanceException.class, build).error());
  }

  @Test
  @DisplayName("Services refuse to build without their ports")
  void servicesNeedTheirPorts() {
    refused(GovernanceError.BAD_CONSENT_RECORD, () -> ConsentGuard.builder().store(new InMemoryConsentStore()).build());
    refused(GovernanceError.BAD_CONSENT_RECORD, () -> ConsentGuard.builder().recorder(new InMemoryAuditRecorder()).build());
    refused(GovernanceError.BAD_APPROVAL_REQUEST, () -> ApprovalService.builder().recorder(new InMemoryAuditRecorder())
        .build());
    refused(GovernanceError.BAD_APPROVAL_REQUEST, () -> BulkOperationGuard.builder()
        .recorder(new InMemoryAuditRecorder()).build());
  }

  @Test
  @DisplayName("USE-6: officials need a user, name, unit and roles; keys need a well-formed id")
  void officialsAndKeys() {
    refused(GovernanceError.BAD_APPROVAL_REQUEST, () -> new Official(" ", "n", "u", EnumSet.of(Role.APPROVER)));
    refused(GovernanceError.BAD_APPROVAL_REQUEST, () -> new Official("u", "n", "u", Set.of()));
    refused(GovernanceError.BAD_APPROVAL_REQUEST, () -> new Official("u", "n", null, EnumSet.of(Role.APPROVER)));
    assertEquals("zhang.wei", GovFixtures.CLERK.actor("sys").user());
    assertEquals("REQUESTER", GovFixtures.CLERK.actor("sys").role());
    refused(GovernanceError.SIGNING_FAILED, () -> new SigningKey("has space", d -> d));
    refused(GovernanceError.SIGNING_FAILED, () -> new SigningKey("k", null));
    refused(GovernanceError.SIGNING_FAILED, () -> new VerifyingKey("", (s, d) -> true));
    assertFalse(new SigningKey("k", d -> d).toString().contains("Lambda"), "no signer in toString");
    VerifyingKey throwing = new VerifyingKey("k", (s, d) -> {
      throw new IllegalStateException("provider bug");
    });
    assertFalse(throwing.verifies("k", new byte[1], new byte[1]), "a throwing verifier verifies nothing");
    assertTrue(new VerifyingKey("k", (s, d) -> true).verifies("k", new byte[1], new byte[1]));
    assertFalse(new VerifyingKey("k", (s, d) -> true).verifies("k", null, new byte[1]));
  }

  @Test
  @DisplayName("USE-2, DS-1: bulk operations and destruction requests validate their values")
  void requests() {
    refused(GovernanceError.BAD_APPROVAL_REQUEST, () -> new BulkOperation(Operation.COPY, "d", -1,
        Classification.general(1), false, "p"));
    refused(GovernanceError.BAD_APPROVAL_REQUEST, () -> new BulkOperation(Operation.COPY, "d", 1,
        Classification.general(1), false, " "));
    refused(GovernanceError.BAD_DESTRUCTION_REQUEST, () -> new DestructionRequest("d", List.of(), "r", "b",
        GovFixtures.CLERK, Classification.general(1), false));
    refused(GovernanceError.BAD_DESTRUCTION_REQUEST, () -> new DestructionRequest("d", List.of("s"), "r", " ",
        GovFixtures.CLERK, Classification.general(1), false));
    assertEquals(Duration.ofDays(7), org.govdatasec.core.governance.approval.ApprovalPolicy.defaults().maxValidity());
  }
}
