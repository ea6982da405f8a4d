package org.govdatasec.core.governance.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.govdatasec.core.governance.GovernanceError;

/** A {@link ConsentStore} in memory, for tests and single-process tools; lost on restart. Thread-safe. */
public final class InMemoryConsentStore implements ConsentStore {
  private final TreeMap<String, ConsentRecord> records = new TreeMap<>();
  private final TreeMap<String, ProcessorGrant> grants = new TreeMap<>();

  /** Creates an empty store. */
  public InMemoryConsentStore() {
    // empty
  }

  @Override
  public synchronized void add(ConsentRecord record) {
    if (records.containsKey(record.id())) {
      throw GovernanceError.BAD_CONSENT_RECORD.exception("A consent record with id " + record.id() + " exists.");
    }
    records.put(record.id(), record);
  }

  @Override
  public synchronized ConsentRecord withdraw(String id, Instant at) {
    ConsentRecord r = records.get(id);
    if (r == null) {
      throw GovernanceError.NO_LEGAL_BASIS.exception("No consent record with id " + id + " exists.");
    }
    if (r.withdrawnAt() != null) {
      throw GovernanceError.BAD_CONSENT_RECORD.exception("Consent record " + id + " was already withdrawn.");
    }
    ConsentRecord w = r.withdrawnAt(at);
    records.put(id, w);
    return w;
  }

  @Override
  public synchronized Optional<ConsentRecord> find(String id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public synchronized List<ConsentRecord> forSubject(String subjectId) {
    return records.values().stream().filter(r -> r.subjectId().equals(subjectId)).toList();
  }

  @Override
  public synchronized void add(ProcessorGrant grant) {
    if (grants.containsKey(grant.id())) {
      throw GovernanceError.BAD_CONSENT_RECORD.exception("A grant with id " + grant.id() + " exists.");
    }
    grants.put(grant.id(), grant);
  }

  @Override
  public synchronized List<ProcessorGrant> grantsTo(String grantee) {
    return grants.values().stream().filter(g -> g.grantee().equals(grantee)).toList();
  }
}
