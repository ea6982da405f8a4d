package org.govdatasec.core.internal.governance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.governance.approval.Approval;
import org.govdatasec.core.governance.approval.ApprovalTicket;
import org.govdatasec.core.governance.approval.Operation;
import org.govdatasec.core.governance.destruction.DestructionCertificate;
import org.govdatasec.core.governance.destruction.ProcessStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The signed text forms of approval tickets (USE-1, USE-2) and destruction certificates (DS-1) share one
 * reader in {@link CanonicalText}; each refusal keeps its code and its exact wording.
 */
class SignedTextTest {
  private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");

  private static ApprovalTicket ticket() {
    return new ApprovalTicket("AT-1", Operation.BULK_EXPORT, "citizens", "unit-a", 5000, "census",
        Classification.parse("GENERAL-3"), true, "u1", List.of(new Approval("u2", "unit-b", T)), T,
        T.plusSeconds(3600), "k1", new byte[] {1, 2, 3});
  }

  private static DestructionCertificate certificate() {
    return new DestructionCertificate("DC-1", "citizens", List.of("s1", "s2"), "expired", "PIPL art. 47",
        Classification.parse("GENERAL-3"), false, "u1", List.of("u2"), "AT-1",
        List.of(new ProcessStep("shred", T, "2 keys"), new ProcessStep("verify", T, "0 decrypt")), "SM4 shred",
        true, "decryption check", "origin/10/root", T, "k1", new byte[] {4, 5});
  }

  private static String ticketRefusal(String text) {
    GovernanceException e = assertThrows(GovernanceException.class, () -> ApprovalTicket.parse(text));
    assertEquals(GovernanceError.TICKET_FORGED, e.error());
    return e.refused();
  }

  private static String certificateRefusal(String text) {
    GovernanceException e = assertThrows(GovernanceException.class, () -> DestructionCertificate.parse(text));
    assertEquals(GovernanceError.CERTIFICATE_INVALID, e.error());
    return e.refused();
  }

  @Test
  @DisplayName("USE-1, DS-1: both documents round-trip through their text form, signature last")
  void roundTrip() {
    ApprovalTicket t = ticket();
    assertEquals(t, ApprovalTicket.parse(t.toText()));
    assertTrue(t.toText().endsWith("key-id=k1\nsignature=AQID\n"));
    DestructionCertificate c = certificate();
    assertEquals(c, DestructionCertificate.parse(c.toText()));
    assertTrue(c.toText().endsWith("key-id=k1\nsignature=BAU=\n"));
    assertArrayEquals(new byte[] {4, 5}, DestructionCertificate.parse(c.toText()).signature());
  }

  @Test
  @DisplayName("USE-1: a malformed ticket is refused with GDS-GOV-015 and the parser's reason")
  void ticketRefusals() {
    String text = ticket().toText();
    String p = "The text is not a well-formed approval ticket (";
    assertEquals(p + "IllegalArgumentException: high-risk-by-volume is not true or false).",
        ticketRefusal(text.replace("high-risk-by-volume=true", "high-risk-by-volume=yes")));
    assertEquals(p + "IllegalArgumentException: incomplete approver entries).",
        ticketRefusal(text.replace("approver.at=2026-03-01T08:00:00Z\n", "")));
    assertEquals(p + "IllegalArgumentException: not a govdatasec-approval-ticket/1).",
        ticketRefusal(text.replace("format=govdatasec-approval-ticket/1", "format=other/1")));
    assertEquals(p + "IllegalArgumentException: not in canonical form).",
        ticketRefusal(text.replace("max-records=5000", "max-records=05000")));
    assertEquals(p + "IllegalArgumentException: missing key-id).", ticketRefusal(text.replace("key-id=k1\n", "")));
    assertEquals(p + "NullPointerException: text).", ticketRefusal(null));
  }

  @Test
  @DisplayName("DS-1: a malformed certificate is refused with GDS-GOV-025 and the parser's reason")
  void certificateRefusals() {
    String text = certificate().toText();
    String p = "The text is not a well-formed destruction certificate (";
    assertEquals(p + "IllegalArgumentException: a flag is not true or false).",
        certificateRefusal(text.replace("verified=true", "verified=TRUE")));
    assertEquals(p + "IllegalArgumentException: incomplete step entries).",
        certificateRefusal(text.replace("step.detail=2 keys\n", "")));
    assertEquals(p + "IllegalArgumentException: not in canonical form).",
        certificateRefusal(text.replace("issued-at=2026-03-01T08:00:00Z", "issued-at=2026-03-01T08:00:00.000Z")));
    assertEquals(p + "NullPointerException: text).", certificateRefusal(null));
    assertEquals(p + "IllegalArgumentException: repeated id).",
        certificateRefusal(text.replace("id=DC-1\n", "id=DC-1\nid=" + "x".repeat(200) + "\n")));
  }

  @Test
  @DisplayName("the shared helpers: records by group, strict flags, messages cut to 120 characters")
  void helpers() {
    CanonicalText.Entries e = CanonicalText.parse("a=1\nb=x\na=2\nb=y\nf=true\ng=no\n");
    assertEquals(List.of(List.of("1", "x"), List.of("2", "y")), e.records("pair", "a", "b"));
    assertEquals("incomplete pair entries",
        assertThrows(IllegalArgumentException.class, () -> e.records("pair", "a", "b", "f")).getMessage());
    assertTrue(e.flag("f", "f"));
    assertFalse(CanonicalText.parse("f=false\n").flag("f", "f"));
    assertEquals("the g flag is not true or false",
        assertThrows(IllegalArgumentException.class, () -> e.flag("g", "the g flag")).getMessage());
    assertEquals("", CanonicalText.abbreviate(null));
    assertEquals("y".repeat(120), CanonicalText.abbreviate("y".repeat(121)));
    assertEquals("short", CanonicalText.abbreviate("short"));
  }
}
