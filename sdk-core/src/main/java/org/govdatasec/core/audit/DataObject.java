package org.govdatasec.core.audit;

import java.util.List;

/**
 * What data an action concerned (USE-3): the system, the dataset or table, the records (by id, or only
 * their count for bulk operations) and the fields.
 *
 * @param system the system holding the data, or {@code null}
 * @param dataset the dataset or table, or {@code null}
 * @param recordIds the ids of the records concerned, at most {@value AuditEvent#MAX_RECORD_IDS}; never
 *     {@code null} (empty when not listed)
 * @param recordCount the number of records concerned, at least the number of listed ids
 * @param fields the fields concerned, at most {@value AuditEvent#MAX_FIELDS}; never {@code null}
 */
public record DataObject(String system, String dataset, List<String> recordIds, long recordCount,
    List<String> fields) {

  /**
   * Validates the object.
   *
   * @param system the system
   * @param dataset the dataset
   * @param recordIds the recordIds
   * @param recordCount the recordCount
   * @param fields the fields
   * @throws AuditException {@code GDS-AUDIT-001} for too many or too long values, {@code GDS-AUDIT-004}
   *     for a negative count or a count below the number of ids, {@code GDS-AUDIT-002} for bad text
   */
  public DataObject {
    system = Texts.optional("object.system", system, AuditEvent.MAX_NAME);
    dataset = Texts.optional("object.dataset", dataset, AuditEvent.MAX_NAME);
    recordIds = Texts.list("object.recordIds", recordIds, AuditEvent.MAX_RECORD_IDS, AuditEvent.MAX_NAME);
    fields = Texts.list("object.fields", fields, AuditEvent.MAX_FIELDS, AuditEvent.MAX_NAME);
    if (recordCount < recordIds.size()) {
      throw AuditError.BAD_FIELD_VALUE.exception("Audit event field 'object.recordCount' is " + recordCount
          + " but " + recordIds.size() + " record ids are listed; give a count of at least the listed ids.");
    }
  }

  /**
   * Creates an object for some listed records of a dataset.
   *
   * @param system the system
   * @param dataset the dataset or table
   * @param recordIds the record ids
   * @return the object, with {@code recordCount = recordIds.size()} and no fields
   */
  public static DataObject records(String system, String dataset, List<String> recordIds) {
    return new DataObject(system, dataset, recordIds, recordIds == null ? 0 : recordIds.size(), List.of());
  }

  /**
   * Creates an object for a bulk operation on a number of records.
   *
   * @param system the system
   * @param dataset the dataset or table
   * @param recordCount the number of records
   * @return the object without listed ids and fields
   */
  public static DataObject bulk(String system, String dataset, long recordCount) {
    return new DataObject(system, dataset, List.of(), recordCount, List.of());
  }

  /**
   * Returns a copy that names the fields concerned.
   *
   * @param fieldNames the fields
   * @return the new object
   */
  public DataObject withFields(List<String> fieldNames) {
    return new DataObject(system, dataset, recordIds, recordCount, fieldNames);
  }
}
