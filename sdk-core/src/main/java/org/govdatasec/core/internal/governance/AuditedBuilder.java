package org.govdatasec.core.internal.governance;

import java.time.Clock;
import java.util.Objects;
import org.govdatasec.core.audit.AuditRecorder;

/**
 * What the builders of the governance services share (AU-1): the audit recorder every decision is
 * recorded through, the clock that stamps decisions and events, and the system name written into audit
 * events. Not API: extended by the public {@code Builder} of {@code ApprovalService},
 * {@code BulkOperationGuard}, {@code ConsentGuard} and {@code DestructionService}, whose {@code build()}
 * refuses a missing recorder with its own error code.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
public abstract class AuditedBuilder<B extends AuditedBuilder<B>> {
  private AuditRecorder recorder;
  private Clock clock = Clock.systemUTC();
  private String system;

  /** Creates a builder with no recorder, the system UTC clock and no system name. */
  protected AuditedBuilder() {}

  /**
   * Sets the audit recorder (required).
   *
   * @param value the recorder
   * @return this builder
   * @throws NullPointerException if {@code value} is {@code null}
   */
  public B recorder(AuditRecorder value) {
    this.recorder = Objects.requireNonNull(value, "recorder");
    return self();
  }

  /**
   * Sets the clock (default: system UTC).
   *
   * @param value the clock
   * @return this builder
   * @throws NullPointerException if {@code value} is {@code null}
   */
  public B clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return self();
  }

  /**
   * Sets the system name written into audit events.
   *
   * @param value the system name, or {@code null}
   * @return this builder
   */
  public B system(String value) {
    this.system = value;
    return self();
  }

  /**
   * Tells whether a recorder was set; {@code build()} refuses to build without one.
   *
   * @return true if {@link #recorder(AuditRecorder)} was called
   */
  protected final boolean hasRecorder() {
    return recorder != null;
  }

  /**
   * Returns the audit helper over the recorder and clock; call only once {@link #hasRecorder()} holds.
   *
   * @return the audit helper, whose {@link GovAudit#clock()} is the configured clock
   * @throws NullPointerException if no recorder was set
   */
  protected final GovAudit audit() {
    return new GovAudit(recorder, clock);
  }

  /**
   * Returns the system name written into audit events.
   *
   * @return the system name, or {@code null} if none was set
   */
  protected final String systemName() {
    return system;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
