package org.govdatasec.core;

/**
 * A requirement of the 2024 Nanning measures (南宁市政务数据安全管理办法, cited {@code NN}) or Nanjing
 * rules (南京市政务数据安全管理实施细则, cited {@code NJ-n} for 第n条) that software can help meet.
 *
 * <p>The identifiers are those of the project's requirement matrix ({@code REQUIREMENTS.md}); every
 * control, error code and audit event of govdatasec cites one or more of them, so that a security
 * officer can trace each behaviour of the SDK back to the clause that demands it.
 */
public enum Requirement {
  /** Classify and grade all data (core / important / general; personal information). */
  CLS_1("CLS-1", "NN ch.3; NJ-16", "Classify and grade all data per national and provincial standards"),
  /** 就高从严: a dataset is protected at the level of its highest item; combinations escalate. */
  CLS_2("CLS-2", "NJ-17", "A dataset takes the level of its highest-graded item; combinations raise the level"),
  /** Personal information of more than 1,000,000 people takes the high-risk controls. */
  CLS_3("CLS-3", "NJ-13,14,19,21,22,23", "Personal information of 1,000,000 people or more takes the high-risk controls"),
  /** Keep and report a catalog of systems and data resources. */
  CLS_4("CLS-4", "NJ-15, NJ-22", "Keep a catalog of systems and data resources and keep it current"),
  /** Each level has its own control set over the whole lifecycle. */
  CLS_5("CLS-5", "NN ch.3; NJ-17", "Each level has its own control set, applied over the whole lifecycle"),

  /** Collect with stated purpose, scope, method, quantity, frequency and validity. */
  PI_1("PI-1", "NJ-18; NN ch.3", "Collect with a stated purpose, scope, method, quantity, frequency and validity period"),
  /** Use personal information only within the subject's authorisation, minimally. */
  PI_2("PI-2", "NJ-8", "Use personal information only within the subject's authorisation, minimally"),
  /** A child under 14 needs a guardian's explicit consent. */
  PI_3("PI-3", "NJ-18", "A child under 14 needs a guardian's explicit consent"),
  /** Keep evidence of how each authorisation was obtained. */
  PI_4("PI-4", "NJ-18", "Keep evidence of how each authorisation was obtained"),
  /** Sensitive personal information is encrypted, masked or de-identified. */
  PI_5("PI-5", "NJ-8", "Sensitive personal information: encrypt, mask or de-identify"),
  /** Entrusted processing only within the granted scope and period. */
  PI_6("PI-6", "NJ-8, NJ-9; NN ch.3", "Entrusted or third-party processing only within the granted scope and period"),

  /** Protection chosen by type, scale, use and level. */
  ST_1("ST-1", "NN ch.3; NJ-19", "Protection chosen by type, scale, use and level"),
  /** High-risk data: integrity checks and cryptography at rest. */
  ST_2("ST-2", "NN ch.3; NJ-19", "High-risk data: integrity checks and cryptography at rest"),
  /** Use certified commercial cryptography (the SM algorithms). */
  ST_3("ST-3", "NJ-8; NN ch.4", "Use certified commercial cryptography (SM2, SM3, SM4)"),
  /** Backups and periodic restore tests. */
  ST_4("ST-4", "NN ch.3; NJ-19", "Backups and periodic restore tests"),

  /** Approval before use: purpose, operators, method, permission scope. */
  USE_1("USE-1", "NJ-20; NN ch.3", "Approval before use: purpose, operators, method, permission scope"),
  /** Bulk modify, copy and download need an internal approval flow. */
  USE_2("USE-2", "NJ-8", "Bulk modify, copy and download need an internal approval flow"),
  /** Record processing; monitor local downloads and other sensitive operations. */
  USE_3("USE-3", "NJ-20", "Record processing; monitor local downloads and other sensitive operations"),
  /** Processing is traceable: who provided, who transferred, who used. */
  USE_4("USE-4", "NN ch.3", "Processing is traceable: who provided, who transferred, who used"),
  /** Development, testing and demos use masked or simulated data. */
  USE_5("USE-5", "NJ-20; NN ch.3", "Development, testing and demos use masked or simulated data"),
  /** Least privilege; the data-security inspector may not also own the data. */
  USE_6("USE-6", "NN ch.4; NJ-5", "Least privilege; separation of duties between owner and inspector"),

  /** High-risk data in transit: data encryption combined with channel encryption. */
  TX_1("TX-1", "NJ-21; NN ch.3", "High-risk data in transit: data encryption combined with channel encryption"),
  /** Record transmission; keep the logs at least six months. */
  TX_2("TX-2", "NJ-21", "Record transmission content and process; keep the logs for at least 6 months"),
  /** Sharing and opening need approval with purpose, requester, scope, period, frequency. */
  TX_3("TX-3", "NJ-22", "Sharing and opening: approval with purpose, requester, scope, period, frequency"),
  /** Cross-border provision only where permitted. */
  TX_4("TX-4", "NN ch.3; NJ-27", "Cross-border provision only where permitted"),

  /** Destruction needs approval and a record of object, reason, process and method. */
  DS_1("DS-1", "NJ-23; NN ch.3", "Destruction needs approval; record object, reason, process, technical method"),
  /** High-risk data is destroyed irreversibly. */
  DS_2("DS-2", "NJ-23", "High-risk data is destroyed irreversibly"),
  /** Destroy promptly when law or contract requires. */
  DS_3("DS-3", "NJ-23", "Destroy promptly when law or contract requires"),

  /** Collect, store, identify and analyse logs. */
  AU_1("AU-1", "NJ-14", "Collect, store, identify and analyse logs of government systems"),
  /** Logs are trustworthy: tampering, deletion and reordering are detectable. */
  AU_2("AU-2", "NN ch.4; NJ-14", "Logs are trustworthy: tampering, deletion and reordering are detectable"),
  /** High-risk systems: log checks at least twice a year. */
  AU_3("AU-3", "NJ-14", "High-risk systems: log checks at least twice a year"),
  /** Monitor for leakage, abuse and misuse; report incidents within 5 working days. */
  AU_4("AU-4", "NJ-12", "Monitor for leakage, abuse and misuse; report incidents within 5 working days"),
  /** Annual risk assessment for high-risk systems. */
  AU_5("AU-5", "NJ-13", "Annual risk assessment for high-risk systems");

  private final String id;
  private final String source;
  private final String summary;

  Requirement(String id, String source, String summary) {
    this.id = id;
    this.source = source;
    this.summary = summary;
  }

  /**
   * Returns the identifier as cited in documentation, for example {@code "CLS-2"}.
   *
   * @return the requirement identifier
   */
  public String id() {
    return id;
  }

  /**
   * Returns the clauses of the regulations this requirement comes from, for example {@code "NJ-17"}.
   *
   * @return the source clauses
   */
  public String source() {
    return source;
  }

  /**
   * Returns a one-line English summary of the requirement.
   *
   * @return the summary
   */
  public String summary() {
    return summary;
  }

  /**
   * Finds a requirement by its identifier.
   *
   * @param id an identifier such as {@code "ST-2"}
   * @return the requirement
   * @throws IllegalArgumentException if no requirement has that identifier
   */
  public static Requirement byId(String id) {
    for (Requirement r : values()) {
      if (r.id.equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown requirement id: " + id);
  }

  /** Returns {@link #id()}. */
  @Override
  public String toString() {
    return id;
  }
}
