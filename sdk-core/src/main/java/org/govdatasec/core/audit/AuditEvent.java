package org.govdatasec.core.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;

/**
 * One structured audit event (AU-1, USE-3, USE-4, TX-2): who did what to which data, why, on whose
 * authority, between which parties, from where and with what outcome.
 *
 * <p>The shape follows OCSF's API-activity events (actor, activity, resources, status) extended with the
 * regulatory fields of the Nanning and Nanjing rules: data level and personal-information categories
 * (CLS-1), purpose and legal basis (PI-1, PI-2), consent id (PI-4), approval ticket (USE-1, USE-2), and
 * provider / transferor / recipient (USE-4). Every value is validated when the event is created; the
 * limits are the {@code MAX_*} constants. Control characters (including newlines) are allowed: the log's
 * JSON encoding escapes them, so they cannot forge log lines.
 *
 * @param id a unique event id: 1 to 128 letters, digits or {@code . _ : -}; the builder draws a UUID
 * @param time when the action happened, as reported by the caller
 * @param actor who acted
 * @param action what was done
 * @param object which data, or {@code null} for acts without data (key rotation, for example)
 * @param level the classification of the data concerned, or {@code null} if unknown
 * @param categories the personal-information categories concerned, sorted and distinct, never {@code null}
 * @param purpose the purpose of the processing, or {@code null}
 * @param legalBasis the legal basis (law, regulation or contract clause), or {@code null}
 * @param consentId the consent record that authorises it, or {@code null}
 * @param approvalTicket the approval ticket that authorises it, or {@code null}
 * @param parties provider, transferor and recipient; {@link Parties#NONE} when none
 * @param sourceAddress the network address or terminal the action came from, or {@code null}
 * @param outcome how it ended
 * @param traceId a distributed-trace id linking the event to application logs, or {@code null}
 */
public record AuditEvent(String id, Instant time, Actor actor, Action action, DataObject object,
    Classification level, List<PiCategory> categories, String purpose, String legalBasis, String consentId,
    String approvalTicket, Parties parties, String sourceAddress, Outcome outcome, String traceId) {

  /** Limit, in characters, of names and identifiers (users, systems, datasets, record ids, tickets). */
  public static final int MAX_NAME = 256;
  /** Limit, in characters, of free texts (purpose, legal basis, outcome reason). */
  public static final int MAX_TEXT = 2048;
  /** Limit of listed record ids in one event; larger operations list a count instead. */
  public static final int MAX_RECORD_IDS = 1000;
  /** Limit of listed fields in one event. */
  public static final int MAX_FIELDS = 256;

  /**
   * Validates the event.
   *
   * @param id the id
   * @param time the time
   * @param actor the actor
   * @param action the action
   * @param object the object
   * @param level the level
   * @param categories the categories
   * @param purpose the purpose
   * @param legalBasis the legalBasis
   * @param consentId the consentId
   * @param approvalTicket the approvalTicket
   * @param parties the parties
   * @param sourceAddress the sourceAddress
   * @param outcome the outcome
   * @param traceId the traceId
   * @throws AuditException {@code GDS-AUDIT-003} for a missing id, time, actor, action or outcome;
   *     {@code GDS-AUDIT-001} for an over-long value; {@code GDS-AUDIT-002} for a malformed id or text
   *     that cannot be encoded; {@code GDS-AUDIT-004} for a null category
   */
  public AuditEvent {
    if (id == null) {
      throw AuditError.MISSING_FIELD.exception("Audit event field 'id' is missing.");
    }
    id = Texts.id("id", id);
    if (time == null) {
      throw AuditError.MISSING_FIELD.exception("Audit event field 'time' is missing.");
    }
    if (actor == null) {
      throw AuditError.MISSING_FIELD.exception("Audit event field 'actor' is missing.");
    }
    if (action == null) {
      throw AuditError.MISSING_FIELD.exception("Audit event field 'action' is missing.");
    }
    if (outcome == null) {
      throw AuditError.MISSING_FIELD.exception("Audit event field 'outcome' is missing.");
    }
    EnumSet<PiCategory> cats = EnumSet.noneOf(PiCategory.class);
    if (categories != null) {
      for (PiCategory c : categories) {
        if (c == null) {
          throw AuditError.BAD_FIELD_VALUE.exception("Audit event field 'categories' has a null entry.");
        }
        cats.add(c);
      }
    }
    categories = List.copyOf(cats);
    purpose = Texts.optional("purpose", purpose, MAX_TEXT);
    legalBasis = Texts.optional("legalBasis", legalBasis, MAX_TEXT);
    consentId = Texts.optional("consentId", consentId, MAX_NAME);
    approvalTicket = Texts.optional("approvalTicket", approvalTicket, MAX_NAME);
    parties = parties == null ? Parties.NONE : parties;
    sourceAddress = Texts.optional("sourceAddress", sourceAddress, MAX_NAME);
    traceId = Texts.optional("traceId", traceId, MAX_NAME);
  }

  /**
   * Starts a builder for an event of an action by an actor.
   *
   * @param action what was done
   * @param actor who did it
   * @return the builder, with a fresh UUID id, the current time and a successful outcome
   */
  public static Builder builder(Action action, Actor actor) {
    return new Builder(action, actor);
  }

  /**
   * Returns a short description for logs and reports that names the id, action, actor and outcome only.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "AuditEvent[" + id + " " + action + " by " + actor.user() + " " + outcome.status() + "]";
  }

  /**
   * Builds an {@link AuditEvent}. Every setter validates its value at once, so a bad value is reported
   * where it is set.
   */
  public static final class Builder {
    private String id = UUID.randomUUID().toString();
    private Instant time = Instant.now();
    private final Actor actor;
    private final Action action;
    private DataObject object;
    private Classification level;
    private final List<PiCategory> categories = new ArrayList<>();
    private String purpose;
    private String legalBasis;
    private String consentId;
    private String approvalTicket;
    private Parties parties = Parties.NONE;
    private String sourceAddress;
    private Outcome outcome = Outcome.SUCCESS;
    private String traceId;

    private Builder(Action action, Actor actor) {
      if (action == null) {
        throw AuditError.MISSING_FIELD.exception("Audit event field 'action' is missing.");
      }
      if (actor == null) {
        throw AuditError.MISSING_FIELD.exception("Audit event field 'actor' is missing.");
      }
      this.action = action;
      this.actor = actor;
    }

    /**
     * Sets the event id (default: a random UUID).
     *
     * @param value the id
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-002} for a malformed id
     */
    public Builder id(String value) {
      this.id = Texts.id("id", Objects.requireNonNull(value, "id"));
      return this;
    }

    /**
     * Sets when the action happened (default: now).
     *
     * @param value the time
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-003} for null
     */
    public Builder time(Instant value) {
      if (value == null) {
        throw AuditError.MISSING_FIELD.exception("Audit event field 'time' is missing.");
      }
      this.time = value;
      return this;
    }

    /**
     * Sets the data concerned.
     *
     * @param value the object
     * @return this builder
     */
    public Builder object(DataObject value) {
      this.object = value;
      return this;
    }

    /**
     * Sets the classification of the data concerned.
     *
     * @param value the classification
     * @return this builder
     */
    public Builder level(Classification value) {
      this.level = value;
      return this;
    }

    /**
     * Adds personal-information categories concerned.
     *
     * @param values the categories
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-004} for a null category
     */
    public Builder categories(Collection<PiCategory> values) {
      for (PiCategory c : values) {
        if (c == null) {
          throw AuditError.BAD_FIELD_VALUE.exception("Audit event field 'categories' has a null entry.");
        }
        categories.add(c);
      }
      return this;
    }

    /**
     * Adds personal-information categories concerned.
     *
     * @param values the categories
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-004} for a null category
     */
    public Builder categories(PiCategory... values) {
      return categories(java.util.Arrays.asList(values));
    }

    /**
     * Sets the purpose.
     *
     * @param value the purpose
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-001} over {@value AuditEvent#MAX_TEXT} characters
     */
    public Builder purpose(String value) {
      this.purpose = Texts.optional("purpose", value, MAX_TEXT);
      return this;
    }

    /**
     * Sets the legal basis.
     *
     * @param value the legal basis
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-001} over {@value AuditEvent#MAX_TEXT} characters
     */
    public Builder legalBasis(String value) {
      this.legalBasis = Texts.optional("legalBasis", value, MAX_TEXT);
      return this;
    }

    /**
     * Sets the consent record id.
     *
     * @param value the consent id
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-001} over {@value AuditEvent#MAX_NAME} characters
     */
    public Builder consentId(String value) {
      this.consentId = Texts.optional("consentId", value, MAX_NAME);
      return this;
    }

    /**
     * Sets the approval ticket id.
     *
     * @param value the ticket id
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-001} over {@value AuditEvent#MAX_NAME} characters
     */
    public Builder approvalTicket(String value) {
      this.approvalTicket = Texts.optional("approvalTicket", value, MAX_NAME);
      return this;
    }

    /**
     * Sets provider, transferor and recipient.
     *
     * @param value the parties
     * @return this builder
     */
    public Builder parties(Parties value) {
      this.parties = value == null ? Parties.NONE : value;
      return this;
    }

    /**
     * Sets the source address.
     *
     * @param value the address
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-001} over {@value AuditEvent#MAX_NAME} characters
     */
    public Builder sourceAddress(String value) {
      this.sourceAddress = Texts.optional("sourceAddress", value, MAX_NAME);
      return this;
    }

    /**
     * Sets the outcome (default: success).
     *
     * @param value the outcome
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-003} for null
     */
    public Builder outcome(Outcome value) {
      if (value == null) {
        throw AuditError.MISSING_FIELD.exception("Audit event field 'outcome' is missing.");
      }
      this.outcome = value;
      return this;
    }

    /**
     * Sets the trace id.
     *
     * @param value the trace id
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-001} over {@value AuditEvent#MAX_NAME} characters
     */
    public Builder traceId(String value) {
      this.traceId = Texts.optional("traceId", value, MAX_NAME);
      return this;
    }

    /**
     * Builds the event.
     *
     * @return the event
     */
    public AuditEvent build() {
      return new AuditEvent(id, time, actor, action, object, level, categories, purpose, legalBasis, consentId,
          approvalTicket, parties, sourceAddress, outcome, traceId);
    }
  }
}
