package org.govdatasec.core.policy;

import java.util.List;
import org.govdatasec.core.Requirement;

/**
 * A named control the regulations require for some data: what an agency system must do with it.
 *
 * <p>Which controls a dataset needs is the {@link ControlPolicy}'s answer; each control cites the
 * requirements it answers. The other govdatasec modules implement the controls (sdk-crypto encrypts,
 * sdk-audit records, sdk-masking masks, the governance flows approve and destroy).
 */
public enum Control {
  /** Encrypt at rest with authenticated SM4 (存储加密). */
  ENCRYPT_AT_REST("存储加密", "Encrypt at rest with authenticated SM4 encryption",
      Requirement.ST_2, Requirement.ST_3, Requirement.PI_5),
  /** Integrity check at rest with SM3 / HMAC-SM3 or authenticated encryption (存储完整性校验). */
  INTEGRITY_AT_REST("存储完整性校验", "Check integrity at rest (HMAC-SM3 or authenticated encryption)",
      Requirement.ST_2, Requirement.ST_3),
  /** Encrypt the payload in transit, in addition to an encrypted channel (数据加密+通道加密). */
  PAYLOAD_ENCRYPTION_IN_TRANSIT("数据加密与通道加密组合", "Encrypt the payload in transit on top of TLS",
      Requirement.TX_1),
  /** Use masked or simulated data in development, testing and demos (开发测试演示脱敏). */
  MASK_OUTSIDE_PRODUCTION("开发测试演示脱敏", "Use masked or simulated data outside production",
      Requirement.USE_5, Requirement.PI_5),
  /** Approve use and processing: purpose, operators, method, scope (使用加工审批). */
  APPROVAL_BEFORE_USE("使用加工审批", "Approve use and processing: purpose, operators, method, scope",
      Requirement.USE_1),
  /** Internal approval for bulk modify, copy and download (批量操作审批). */
  APPROVAL_FOR_BULK_OPERATIONS("批量操作审批", "Require an approval ticket for bulk modify, copy and download",
      Requirement.USE_2),
  /** Record every access and processing step, with provider, transferor and user (处理过程记录). */
  AUDIT_EVERY_ACCESS("处理过程记录", "Audit every access: who provided, transferred and used the data",
      Requirement.USE_3, Requirement.USE_4, Requirement.AU_1),
  /** A log whose tampering, deletion and reordering are detectable (日志防篡改). */
  TAMPER_EVIDENT_LOG("日志防篡改", "Keep a tamper-evident audit log (SM3 hash chain, SM2 checkpoints)",
      Requirement.AU_2),
  /** Keep logs at least six months (日志留存不少于6个月). */
  LOG_RETENTION_180_DAYS("日志留存不少于6个月", "Retain logs for at least 180 days",
      Requirement.TX_2),
  /** Check the logs at least twice a year (每年至少两次日志检查). */
  TWICE_YEARLY_LOG_REVIEW("每年至少两次日志检查", "Review the logs at least twice a year",
      Requirement.AU_3),
  /** Monitor for leakage, abuse and misuse (泄露滥用监测). */
  LEAKAGE_MONITORING("泄露滥用监测", "Monitor for leakage, abuse and misuse; report incidents within 5 working days",
      Requirement.AU_4),
  /** An annual risk assessment (年度风险评估). */
  ANNUAL_RISK_ASSESSMENT("年度风险评估", "Carry out a risk assessment every year",
      Requirement.AU_5),
  /** Use personal information only within the consented purpose and scope (授权范围内最小化使用). */
  CONSENT_SCOPE("授权范围内最小化使用", "Use personal information only within consent or legal basis, minimally",
      Requirement.PI_1, Requirement.PI_2, Requirement.PI_4),
  /** A guardian's explicit consent for a child under 14 (监护人明示同意). */
  GUARDIAN_CONSENT_UNDER_14("监护人明示同意", "Obtain a guardian's explicit consent for a child under 14",
      Requirement.PI_3),
  /** Entrusted and third-party processing within a scoped, expiring grant (委托处理范围和期限). */
  THIRD_PARTY_GRANT_LIMITS("委托处理范围和期限", "Limit entrusted processing to a scoped, expiring grant",
      Requirement.PI_6),
  /** Least privilege and separation of duties (最小权限与职责分离). */
  SEPARATION_OF_DUTIES("最小权限与职责分离", "Least privilege; the inspector may not own or approve their own data",
      Requirement.USE_6),
  /** Approval for sharing and opening (共享开放审批). */
  SHARING_APPROVAL("共享开放审批", "Approve sharing and opening: purpose, requester, scope, period, frequency",
      Requirement.TX_3),
  /** Refuse cross-border transfer unless permitted (出境管控). */
  CROSS_BORDER_GUARD("出境管控", "Refuse transfer outside mainland China unless a recorded permit covers it",
      Requirement.TX_4),
  /** Approved destruction with a record of object, reason, process and method (销毁审批与记录). */
  APPROVED_DESTRUCTION_RECORD("销毁审批与记录", "Approve destruction and record object, reason, process and method",
      Requirement.DS_1),
  /** Destroy irreversibly, e.g. by crypto-shredding (不可逆销毁). */
  IRREVERSIBLE_DESTRUCTION("不可逆销毁", "Destroy irreversibly (crypto-shredding of per-subject keys)",
      Requirement.DS_2),
  /** Destroy promptly when law or contract requires (到期及时销毁). */
  RETENTION_SCHEDULE("到期及时销毁", "Keep a retention schedule and destroy promptly when due",
      Requirement.DS_3),
  /** Regular backups and restore tests (备份与恢复测试). */
  BACKUP_AND_RESTORE_TEST("备份与恢复测试", "Back up regularly and test restores",
      Requirement.ST_4),
  /** Register the data in the unit's data-resource catalog (资源目录备案). */
  CATALOG_REGISTRATION("资源目录备案", "Register the dataset in the data-resource catalog and keep it current",
      Requirement.CLS_4);

  private final String chineseName;
  private final String description;
  private final List<Requirement> requirements;

  Control(String chineseName, String description, Requirement... requirements) {
    this.chineseName = chineseName;
    this.description = description;
    this.requirements = List.of(requirements);
  }

  /**
   * Returns the control's Chinese name, as in the regulations.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Returns what the control asks of the system.
   *
   * @return a one-line description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the requirements the control answers.
   *
   * @return the requirements, never empty
   */
  public List<Requirement> requirements() {
    return requirements;
  }
}
