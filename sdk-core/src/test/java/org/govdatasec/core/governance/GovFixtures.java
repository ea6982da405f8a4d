package org.govdatasec.core.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.audit.Outcome;
import org.junit.jupiter.api.function.Executable;

/**
 * Shared test fixtures: a settable clock, a deterministic fake signer (HMAC-SHA256, standing in for SM2,
 * which sdk-core cannot see), officials, and assertions on refusals and their audit events.
 */
public final class GovFixtures {
  private GovFixtures() {}

  /** 2024-06-18T02:00:00Z, 10:00 in Nanning. */
  public static final Instant T0 = Instant.parse("2024-06-18T02:00:00Z");

  /** The owning unit of the registry data. */
  public static final String OWNER = "市大数据发展局数据管理科";

  /** A requester of the owning unit. */
  public static final Official CLERK = Official.of("zhang.wei", "张伟", OWNER, Role.REQUESTER);
  /** An approver of another unit. */
  public static final Official CHIEF = Official.of("liu.yang", "刘洋", "市大数据发展局办公室", Role.APPROVER);
  /** A second approver. */
  public static final Official DIRECTOR = Official.of("chen.lixin", "陈立新", "市大数据发展局", Role.APPROVER);
  /** The data-security inspector of the owning unit. */
  public static final Official OWN_INSPECTOR = Official.of("wang.fang", "王芳", OWNER, Role.INSPECTOR);
  /** The data-security inspector of another unit. */
  public static final Official OTHER_INSPECTOR = Official.of("zhao.min", "赵敏", "市网信办", Role.INSPECTOR);

  /**
   * An H2 file database in a directory; closing the last connection closes it, so opening again is a restart.
   *
   * @param dir the directory
   * @return the data source
   */
  public static javax.sql.DataSource h2(java.nio.file.Path dir) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("gov").toAbsolutePath() + ";DB_CLOSE_DELAY=0");
    return ds;
  }

  /**
   * A deterministic keyed signer standing in for SM2 (HMAC-SHA256 under a secret).
   *
   * @param keyId the key id
   * @param secret the secret
   * @return the signing key
   */
  public static SigningKey signingKey(String keyId, String secret) {
    return new SigningKey(keyId, data -> hmac(secret, data));
  }

  /**
   * The verifier matching {@link #signingKey(String, String)}.
   *
   * @param keyId the key id
   * @param secret the secret
   * @return the verifying key
   */
  public static VerifyingKey verifyingKey(String keyId, String secret) {
    return new VerifyingKey(keyId, (sig, data) -> {
      try {
        return MessageDigest.isEqual(sig, hmac(secret, data));
      } catch (GeneralSecurityException e) {
        return false;
      }
    });
  }

  private static byte[] hmac(String secret, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac.doFinal(data);
  }

  /**
   * Asserts that an action is refused with a code and that exactly one new audit event records it as
   * denied (or failed) with the code in its reason.
   *
   * @param recorder the recorder
   * @param error the expected code
   * @param status the expected outcome status
   * @param action the action
   * @return the audit event
   */
  public static AuditEvent assertRefused(InMemoryAuditRecorder recorder, GovernanceError error, Outcome.Status status,
      Executable action) {
    int before = recorder.events().size();
    GovernanceException e = assertThrows(GovernanceException.class, action);
    assertEquals(error, e.error(), e.getMessage());
    List<AuditEvent> events = recorder.events();
    assertEquals(before + 1, events.size(), "exactly one audit event for the refusal: " + events);
    AuditEvent last = events.get(events.size() - 1);
    assertEquals(status, last.outcome().status(), last.toString());
    assertEquals(true, last.outcome().reason().startsWith(error.code()), last.outcome().reason());
    return last;
  }

  /**
   * For multi-step flows: asserts that an action fails with a code and that the last audit event records
   * that failure (earlier steps may have recorded their own events).
   *
   * @param recorder the recorder
   * @param error the code
   * @param status the expected outcome status
   * @param action the action
   * @return the last audit event
   */
  public static AuditEvent assertStepRefused(InMemoryAuditRecorder recorder, GovernanceError error,
      Outcome.Status status, Executable action) {
    int before = recorder.events().size();
    GovernanceException e = assertThrows(GovernanceException.class, action);
    assertEquals(error, e.error(), e.getMessage());
    List<AuditEvent> events = recorder.events();
    AuditEvent last = events.get(events.size() - 1);
    assertEquals(true, events.size() > before, "the refusal was audited");
    assertEquals(status, last.outcome().status(), last.toString());
    assertEquals(true, last.outcome().reason().startsWith(error.code()), last.outcome().reason());
    assertEquals(1, events.subList(before, events.size()).stream()
        .filter(x -> x.outcome().status() != Outcome.Status.SUCCESS).count(), "one refusal event");
    return last;
  }

  /**
   * Asserts a refusal recorded as denied.
   *
   * @param recorder the recorder
   * @param error the code
   * @param action the action
   * @return the audit event
   */
  public static AuditEvent assertDenied(InMemoryAuditRecorder recorder, GovernanceError error, Executable action) {
    return assertRefused(recorder, error, Outcome.Status.DENIED, action);
  }

  /**
   * Returns the last recorded event.
   *
   * @param recorder the recorder
   * @return the last event
   */
  public static AuditEvent last(InMemoryAuditRecorder recorder) {
    List<AuditEvent> events = recorder.events();
    return events.get(events.size() - 1);
  }
}
