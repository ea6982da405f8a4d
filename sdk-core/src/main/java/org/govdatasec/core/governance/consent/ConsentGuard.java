package org.govdatasec.core.governance.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.audit.Parties;
import org.govdatasec.core.classification.ClassificationException;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.governance.GovernanceError;
import org.govdatasec.core.governance.GovernanceException;
import org.govdatasec.core.internal.governance.FieldValues;
import org.govdatasec.core.internal.governance.AuditedBuilder;
import org.govdatasec.core.internal.governance.GovAudit;
import org.govdatasec.core.internal.governance.ResidentIdBirthDates;

/**
 * The consent guard (PI-2, PI-3, PI-4, PI-6): records and withdraws legal bases, projects a record to the
 * fields a purpose may see, and checks third parties' grants. Every decision, allowed or refused, is
 * recorded through the {@link AuditRecorder} before the guard returns or throws; if recording fails, the
 * decision fails (fail closed).
 *
 * <pre>{@code
 * ConsentGuard guard = ConsentGuard.builder().store(JdbcConsentStore.open(ds)).recorder(auditLog)
 *     .system("市民信息登记系统").build();
 * guard.grant(clerk, ConsentRecord.builder("C-1", "NN-0000001", LegalBasis.STATUTORY_DUTY)
 *     .purposes("低保审核").categories(PiCategory.NAME, PiCategory.ADDRESS)
 *     .valid(from, null).evidence(CollectionMethod.BY_LAW, "《社会救助暂行办法》第十一条").build());
 * Projection p = guard.project(caseworker, "低保审核", citizen, List.of("name", "address", "mobile"));
 * p.fields();    // {citizenNo=..., name=..., address=...}
 * p.withheld();  // {mobile=GDS-GOV-005 ...}
 * }</pre>
 *
 * <h2>What a purpose may see</h2>
 * The guard reads the record's {@link TypeSchema} ({@link Schemas#of(Class)}). Of the requested fields it
 * returns:
 * <ul>
 *   <li>the {@code @DataSubjectId} field always (the caller named the subject already);</li>
 *   <li>a personal-information field if every one of its categories is covered by an active basis for
 *       the purpose, and, for a sensitive field, by a basis that covers sensitive information (anything
 *       but plain {@link LegalBasis#CONSENT}, PIPL art. 29);</li>
 *   <li>any other field (unclassified, non-personal or holding a nested type) only if a basis lists it
 *       in {@link ConsentRecord#extraFields()} or the guard was built with
 *       {@link Builder#nonPersonalFieldsPass(boolean) nonPersonalFieldsPass(true)}. Fields holding nested
 *       classified types are never passed by that flag: project the nested record itself.</li>
 * </ul>
 * A basis is active from its grant (inclusive) to its expiry (exclusive) unless withdrawn; withdrawal takes
 * effect at once. If the record has a resident ID number field (category {@link PiCategory#RESIDENT_ID})
 * with a value, the subject's age at the decision's date (in the guard's zone, default Asia/Shanghai) is
 * derived from it; for a child under 14, a consent basis counts only with a guardian's consent (PI-3).
 * An ID number whose birth date cannot be read is refused ({@code GDS-GOV-007}), never taken for an adult.
 */
public final class ConsentGuard {
  private final ConsentStore store;
  private final GovAudit audit;
  private final Clock clock;
  private final ZoneId zone;
  private final String system;
  private final boolean nonPersonalFieldsPass;

  private ConsentGuard(Builder b, GovAudit audit, String system) {
    this.store = b.store;
    this.clock = audit.clock();
    this.audit = audit;
    this.zone = b.zone;
    this.system = system;
    this.nonPersonalFieldsPass = b.nonPersonalFieldsPass;
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records a legal basis (PI-4), then audits {@link Action#CONSENT_GRANTED}.
   *
   * @param actor who records it
   * @param record the record
   * @return the record
   * @throws GovernanceException {@code GDS-GOV-001} if a record with that id exists, {@code GDS-GOV-021} if
   *     the store fails; both are audited as refusals
   */
  public ConsentRecord grant(Actor actor, ConsentRecord record) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(record, "record");
    Consumer<AuditEvent.Builder> details = b -> b.object(DataObject.records(system, "consent", List.of(record.subjectId())))
        .consentId(record.id()).purpose(String.join("; ", record.purposes()))
        .legalBasis(basisText(List.of(record))).categories(record.categories());
    try {
      store.add(record);
    } catch (GovernanceException e) {
      throw e.error() == GovernanceError.STORE_FAILED ? audit.failed(Action.CONSENT_GRANTED, actor, e, details)
          : audit.denied(Action.CONSENT_GRANTED, actor, e, details);
    }
    audit.allowed(Action.CONSENT_GRANTED, actor, details);
    return record;
  }

  /**
   * Withdraws a consent at once (PI-2), then audits {@link Action#CONSENT_WITHDRAWN}. Decisions after this
   * call no longer count the record.
   *
   * @param actor who records the withdrawal (the subject, or staff on their behalf)
   * @param consentId the record's id
   * @return the withdrawn record
   * @throws GovernanceException {@code GDS-GOV-002} if no such record, {@code GDS-GOV-001} if it is not a
   *     consent or already withdrawn, {@code GDS-GOV-021} if the store fails; each audited
   */
  public ConsentRecord withdraw(Actor actor, String consentId) {
    Objects.requireNonNull(actor, "actor");
    Instant now = clock.instant();
    ConsentRecord withdrawn;
    try {
      ConsentRecord r = store.find(consentId).orElseThrow(
          () -> GovernanceError.NO_LEGAL_BASIS.exception("No consent record with id " + consentId + " exists."));
      if (!r.basis().consentBased()) {
        throw GovernanceError.BAD_CONSENT_RECORD.exception("Record " + consentId + " rests on " + r.basis()
            + ", not on consent; the subject cannot withdraw it (end it with an expiry instead).");
      }
      withdrawn = store.withdraw(consentId, now);
    } catch (GovernanceException e) {
      throw audit.denied(Action.CONSENT_WITHDRAWN, actor, e, b -> b.consentId(safeId(consentId)));
    }
    audit.allowed(Action.CONSENT_WITHDRAWN, actor, b -> b.consentId(withdrawn.id())
        .object(DataObject.records(system, "consent", List.of(withdrawn.subjectId())))
        .purpose(String.join("; ", withdrawn.purposes())).legalBasis(basisText(List.of(withdrawn))));
    return withdrawn;
  }

  /**
   * Projects a record to every field the purpose may see (minimal use, PI-2), withholding the others.
   *
   * @param actor who reads
   * @param purpose the purpose of the read
   * @param record the record (an annotated record or class with a {@code @DataSubjectId})
   * @return the projection
   * @throws GovernanceException as {@link #project(Actor, String, Object, Collection)}
   */
  public Projection project(Actor actor, String purpose, Object record) {
    Objects.requireNonNull(record, "record");
    return project(actor, purpose, record, schemaOf(actor, purpose, record).fields().stream()
        .map(FieldSchema::name).toList());
  }

  /**
   * Projects a record to the requested fields the purpose may see, withholding the others with their
   * reasons; audits a {@link Action#READ} naming the returned fields.
   *
   * @param actor who reads
   * @param purpose the purpose of the read
   * @param record the record (an annotated record or class with a {@code @DataSubjectId})
   * @param requested the field names requested
   * @return the projection (possibly with withheld fields)
   * @throws GovernanceException {@code GDS-GOV-002} no basis for the subject and purpose, {@code -003}
   *     withdrawn, {@code -004} expired, {@code -006} a child without guardian consent, {@code -007} an
   *     unreadable ID number, {@code -008} no subject id or an unknown field; each audited as denied
   */
  public Projection project(Actor actor, String purpose, Object record, Collection<String> requested) {
    return decide(actor, purpose, record, requested, false);
  }

  /**
   * Like {@link #project(Actor, String, Object, Collection)}, but refuses unless every requested field is
   * covered: for processing that cannot proceed on part of the record.
   *
   * @param actor who reads
   * @param purpose the purpose
   * @param record the record
   * @param requested the field names requested
   * @return the complete projection
   * @throws GovernanceException {@code GDS-GOV-005} if a requested field is not covered, and the codes of
   *     {@link #project(Actor, String, Object, Collection)}; each audited as denied
   */
  public Projection require(Actor actor, String purpose, Object record, Collection<String> requested) {
    return decide(actor, purpose, record, requested, true);
  }

  private TypeSchema schemaOf(Actor actor, String purpose, Object record) {
    try {
      return Schemas.of(record.getClass());
    } catch (ClassificationException e) {
      throw audit.denied(Action.READ, actor, GovernanceError.NOT_A_SUBJECT_RECORD.exception("The type "
          + record.getClass().getName() + " has no valid classification (" + e.code() + ").", e),
          b -> b.purpose(purpose));
    }
  }

  private Projection decide(Actor actor, String purpose, Object record, Collection<String> requested,
      boolean strict) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(requested, "requested");
    if (purpose == null || purpose.isBlank()) {
      throw audit.denied(Action.READ, actor,
          GovernanceError.NO_LEGAL_BASIS.exception("A read without a purpose was refused (PI-1, PI-2)."), b -> { });
    }
    TypeSchema schema = schemaOf(actor, purpose, record);
    String dataset = schema.simpleName();
    Instant now = clock.instant();
    Map<String, Object> values;
    try {
      values = FieldValues.read(record);
    } catch (IllegalStateException e) {
      throw audit.denied(Action.READ, actor, GovernanceError.NOT_A_SUBJECT_RECORD.exception(
          "The fields of " + schema.typeName() + " cannot be read: " + e.getMessage() + ".", e), b -> b.purpose(purpose));
    }
    Optional<FieldSchema> idField = schema.subjectIdField();
    Object idValue = idField.map(f -> values.get(f.name())).orElse(null);
    if (idValue == null) {
      throw audit.denied(Action.READ, actor, GovernanceError.NOT_A_SUBJECT_RECORD.exception("The "
          + dataset + " record has no data-subject id (" + (idField.isEmpty() ? "no @DataSubjectId field"
          : "field " + idField.get().name() + " is null") + ")."), b -> b.purpose(purpose)
          .object(DataObject.records(system, dataset, List.of())));
    }
    String subjectId = idValue.toString();
    Consumer<AuditEvent.Builder> base = b -> b.purpose(purpose)
        .object(DataObject.records(system, dataset, List.of(subjectId)));
    Set<String> wanted = new LinkedHashSet<>(requested);
    for (String f : wanted) {
      if (schema.field(f).isEmpty()) {
        throw audit.denied(Action.READ, actor, GovernanceError.NOT_A_SUBJECT_RECORD.exception("The field '"
            + f + "' is not a field of " + dataset + "."), base);
      }
    }

    List<ConsentRecord> forPurpose;
    try {
      forPurpose = store.forSubject(subjectId).stream().filter(r -> r.covers(purpose)).toList();
    } catch (GovernanceException e) {
      throw audit.failed(Action.READ, actor, e, base);
    }
    List<ConsentRecord> active = forPurpose.stream()
        .filter(r -> r.status(now) == ConsentRecord.Status.ACTIVE).toList();
    if (active.isEmpty()) {
      GovernanceException e;
      if (forPurpose.stream().anyMatch(r -> r.status(now) == ConsentRecord.Status.WITHDRAWN)) {
        e = GovernanceError.CONSENT_WITHDRAWN.exception("Subject " + subjectId + " withdrew consent for '"
            + purpose + "'" + ids(forPurpose) + "; no other basis covers it.");
      } else if (forPurpose.stream().anyMatch(r -> r.status(now) == ConsentRecord.Status.EXPIRED)) {
        e = GovernanceError.CONSENT_EXPIRED.exception("The basis of subject " + subjectId + " for '" + purpose
            + "' expired" + ids(forPurpose) + ".");
      } else {
        e = GovernanceError.NO_LEGAL_BASIS.exception("No legal basis of subject " + subjectId
            + " covers the purpose '" + purpose + "' at " + now + ".");
      }
      throw audit.denied(Action.READ, actor, e, base);
    }

    Optional<LocalDate> child = childBirthDate(actor, schema, values, now, base);
    List<ConsentRecord> usable = child.isEmpty() ? active
        : active.stream().filter(r -> !r.basis().consentBased() || r.guardian() != null).toList();
    if (child.isPresent()) {
      if (usable.isEmpty()) {
        throw audit.denied(Action.READ, actor, GovernanceError.GUARDIAN_CONSENT_MISSING.exception("Subject "
            + subjectId + " is a child under 14 (age derived from the resident ID number) and no guardian consent"
            + " is recorded on" + ids(active) + " for '" + purpose + "'."), base.andThen(b -> b.categories(PiCategory.MINORS)));
      }
    }

    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, String> withheld = new LinkedHashMap<>();
    Set<String> basisIds = new TreeSet<>();
    Set<PiCategory> categories = EnumSet.noneOf(PiCategory.class);
    for (String name : wanted) {
      FieldSchema f = schema.field(name).orElseThrow();
      List<ConsentRecord> covering = covering(f, usable);
      if (covering.isEmpty()) {
        withheld.put(name, reason(f, usable));
      } else {
        fields.put(name, values.get(name));
        covering.forEach(r -> basisIds.add(r.id()));
        categories.addAll(f.categories());
      }
    }
    List<ConsentRecord> used = usable.stream().filter(r -> basisIds.contains(r.id())).toList();
    Consumer<AuditEvent.Builder> details = b -> b.purpose(purpose)
        .object(DataObject.records(system, dataset, List.of(subjectId)).withFields(List.copyOf(fields.keySet())))
        .categories(categories).legalBasis(basisText(used.isEmpty() ? usable : used))
        .consentId(consentIdText(basisIds.isEmpty() ? usable.stream().map(ConsentRecord::id).toList()
            : List.copyOf(basisIds)));
    if (strict && !withheld.isEmpty()) {
      throw audit.denied(Action.READ, actor, GovernanceError.FIELD_NOT_COVERED.exception("The purpose '" + purpose
          + "' is not authorised to read " + withheld.keySet() + " of subject " + subjectId + ": "
          + String.join("; ", withheld.values())), details);
    }
    audit.allowed(Action.READ, actor, withheld.isEmpty() ? details
        : details.andThen(b -> b.outcome(new Outcome(Outcome.Status.SUCCESS, "returned " + fields.keySet()
            + "; withheld " + withheld.keySet() + " (" + GovernanceError.FIELD_NOT_COVERED.code() + ", PI-2)"))));
    return new Projection(subjectId, purpose, fields, withheld, List.copyOf(basisIds));
  }

  private List<ConsentRecord> covering(FieldSchema f, List<ConsentRecord> usable) {
    if (f.subjectId()) {
      return usable.subList(0, 1);
    }
    if (f.personalInformation()) {
      boolean sensitive = f.sensitive();
      List<ConsentRecord> out = new ArrayList<>();
      for (PiCategory c : f.categories()) {
        Optional<ConsentRecord> r = usable.stream()
            .filter(x -> x.categories().contains(c) && (!sensitive || x.basis().coversSensitive())).findFirst();
        if (r.isEmpty()) {
          return List.of();
        }
        out.add(r.get());
      }
      return out;
    }
    List<ConsentRecord> listed = usable.stream().filter(r -> r.extraFields().contains(f.name())).toList();
    if (!listed.isEmpty()) {
      return listed.subList(0, 1);
    }
    return nonPersonalFieldsPass && f.nestedType().isEmpty() ? usable.subList(0, 1) : List.of();
  }

  private static String reason(FieldSchema f, List<ConsentRecord> usable) {
    if (f.personalInformation()) {
      Set<PiCategory> covered = EnumSet.noneOf(PiCategory.class);
      usable.forEach(r -> covered.addAll(r.categories()));
      List<PiCategory> missing = f.categories().stream().filter(c -> !covered.contains(c)).toList();
      if (missing.isEmpty() && f.sensitive()) {
        return GovernanceError.FIELD_NOT_COVERED.code() + " sensitive personal information " + f.categories()
            + " needs separate consent or a non-consent basis (PIPL art. 29)";
      }
      return GovernanceError.FIELD_NOT_COVERED.code() + " categories " + missing + " are not covered";
    }
    return GovernanceError.FIELD_NOT_COVERED.code() + " non-personal field not listed by the purpose";
  }

  private Optional<LocalDate> childBirthDate(Actor actor, TypeSchema schema, Map<String, Object> values, Instant now,
      Consumer<AuditEvent.Builder> base) {
    for (FieldSchema f : schema.fields()) {
      if (!f.categories().contains(PiCategory.RESIDENT_ID) || values.get(f.name()) == null) {
        continue;
      }
      Object v = values.get(f.name());
      LocalDate today = LocalDate.ofInstant(now, zone);
      Optional<LocalDate> birth = v instanceof CharSequence s ? ResidentIdBirthDates.birthDate(s.toString())
          : Optional.empty();
      if (birth.isEmpty() || birth.get().isAfter(today)) {
        throw audit.denied(Action.READ, actor, GovernanceError.UNREADABLE_ID_NUMBER.exception("The resident ID"
            + " number in field '" + f.name() + "' has no readable birth date on or before " + today
            + "; the subject's age cannot be derived."), base);
      }
      return birth.get().plusYears(14).isAfter(today) ? birth : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Records a third-party grant (PI-6, TX-3) and audits it as {@link Action#APPROVAL_GRANTED} naming the
   * grantee as recipient.
   *
   * @param actor who records the grant
   * @param grant the grant
   * @return the grant
   * @throws GovernanceException {@code GDS-GOV-001} if a grant with that id exists, {@code GDS-GOV-021} if
   *     the store fails; each audited
   */
  public ProcessorGrant grant(Actor actor, ProcessorGrant grant) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(grant, "grant");
    Consumer<AuditEvent.Builder> details = b -> b.object(DataObject.bulk(system, grant.dataset(), 0))
        .purpose(String.join("; ", grant.purposes())).categories(grant.categories())
        .legalBasis(grant.kind() + " " + grant.contractRef() + " until " + grant.validUntil())
        .approvalTicket(grant.id()).parties(new Parties(actor.organisation(), null, grant.grantee()));
    try {
      store.add(grant);
    } catch (GovernanceException e) {
      throw audit.denied(Action.APPROVAL_GRANTED, actor, e, details);
    }
    audit.allowed(Action.APPROVAL_GRANTED, actor, details);
    return grant;
  }

  /**
   * Checks that a third party may process a dataset for a purpose and categories now (PI-6); audits a
   * {@link Action#USE} by the grantee, allowed or denied.
   *
   * @param actor the grantee's actor (its organisation is the grantee)
   * @param grantee the grantee
   * @param dataset the dataset
   * @param purpose the purpose
   * @param categories the categories it will process
   * @return the grant that covers it
   * @throws GovernanceException {@code GDS-GOV-009} if no grant covers the scope, {@code GDS-GOV-010} if
   *     the covering grants have expired (or are not yet valid); each audited
   */
  public ProcessorGrant checkGrant(Actor actor, String grantee, String dataset, String purpose,
      Collection<PiCategory> categories) {
    Objects.requireNonNull(actor, "actor");
    Instant now = clock.instant();
    Set<PiCategory> wanted = categories.isEmpty() ? EnumSet.noneOf(PiCategory.class) : EnumSet.copyOf(categories);
    Consumer<AuditEvent.Builder> base = b -> b.purpose(purpose).object(DataObject.bulk(system, dataset, 0))
        .categories(wanted).parties(new Parties(null, null, grantee));
    List<ProcessorGrant> inScope;
    try {
      inScope = store.grantsTo(grantee).stream().filter(g -> g.covers(dataset, purpose, wanted)).toList();
    } catch (GovernanceException e) {
      throw audit.failed(Action.USE, actor, e, base);
    }
    Optional<ProcessorGrant> active = inScope.stream().filter(g -> g.activeAt(now)).findFirst();
    if (active.isPresent()) {
      ProcessorGrant g = active.get();
      audit.allowed(Action.USE, actor, base.andThen(b -> b.approvalTicket(g.id())
          .legalBasis(g.kind() + " " + g.contractRef())));
      return g;
    }
    GovernanceException e = inScope.isEmpty()
        ? GovernanceError.GRANT_NOT_COVERED.exception("No grant to " + grantee + " covers dataset " + dataset
            + ", purpose '" + purpose + "' and categories " + wanted + ".")
        : GovernanceError.GRANT_EXPIRED.exception("The grants to " + grantee + " for dataset " + dataset
            + " (" + inScope.stream().map(g -> g.id() + " until " + g.validUntil()).collect(Collectors.joining(", "))
            + ") are not in force at " + now + "; access must be revoked.");
    throw audit.denied(Action.USE, actor, e, base);
  }

  private static String ids(List<ConsentRecord> records) {
    return " (" + records.stream().map(ConsentRecord::id).collect(Collectors.joining(", ")) + ")";
  }

  private static String basisText(List<ConsentRecord> records) {
    return records.stream().map(r -> r.basis() + " " + r.basis().article() + " [" + r.evidenceRef() + "]")
        .distinct().collect(Collectors.joining("; "));
  }

  private static String consentIdText(List<String> ids) {
    String joined = String.join(",", ids);
    return joined.length() <= AuditEvent.MAX_NAME ? joined : ids.get(0);
  }

  private static String safeId(String id) {
    return id == null || id.length() > AuditEvent.MAX_NAME ? null : id;
  }

  /** Builds a {@link ConsentGuard}. */
  public static final class Builder extends AuditedBuilder<Builder> {
    private ConsentStore store;
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private boolean nonPersonalFieldsPass;

    private Builder() {}

    /**
     * Sets the store (required).
     *
     * @param value the store
     * @return this builder
     */
    public Builder store(ConsentStore value) {
      this.store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * Sets the zone in which ages are counted (default: Asia/Shanghai).
     *
     * @param value the zone
     * @return this builder
     */
    public Builder zone(ZoneId value) {
      this.zone = Objects.requireNonNull(value, "zone");
      return this;
    }

    /**
     * Lets fields that are not personal information pass without a basis listing them (default: false,
     * only listed {@link ConsentRecord#extraFields()} pass). Fields holding nested classified types never
     * pass by this flag.
     *
     * @param value whether non-personal fields pass
     * @return this builder
     */
    public Builder nonPersonalFieldsPass(boolean value) {
      this.nonPersonalFieldsPass = value;
      return this;
    }

    /**
     * Builds the guard.
     *
     * @return the guard
     * @throws GovernanceException {@code GDS-GOV-001} without a store or recorder
     */
    public ConsentGuard build() {
      if (store == null || !hasRecorder()) {
        throw GovernanceError.BAD_CONSENT_RECORD.exception("A consent guard needs a store and an audit recorder.");
      }
      return new ConsentGuard(this, audit(), systemName());
    }
  }
}
