package org.govdatasec.core.audit;

import java.util.List;
import org.govdatasec.core.Requirement;

/**
 * What was done to the data (AU-1, USE-3), over the whole lifecycle: collection, storage, use,
 * transmission and sharing, export, modification, destruction, and the governance acts (consent,
 * approval, key management) that make those lawful. The log's own acts ({@link #LOG_RECOVERED},
 * {@link #LOG_PRUNED}) are recorded in the same stream.
 */
public enum Action {
  /** Collection of data (收集). */
  COLLECT("收集", Requirement.PI_1),
  /** Storage of data (存储). */
  STORE("存储", Requirement.ST_1),
  /** Reading or querying records (查询). */
  READ("查询", Requirement.USE_3),
  /** Use of data for a purpose (使用). */
  USE("使用", Requirement.USE_1),
  /** Processing or analysis (加工). */
  PROCESS("加工", Requirement.USE_3),
  /** Transmission to another system (传输). */
  TRANSMIT("传输", Requirement.TX_2),
  /** Sharing or opening to another party (共享/开放). */
  SHARE("共享", Requirement.TX_3),
  /** Export to a file or another system (导出). */
  EXPORT("导出", Requirement.USE_2),
  /** Download to a local device (下载). */
  DOWNLOAD("下载", Requirement.USE_2),
  /** Modification (修改). */
  MODIFY("修改", Requirement.USE_2),
  /** Deletion (删除). */
  DELETE("删除", Requirement.DS_1),
  /** Irreversible destruction (销毁). */
  DESTROY("销毁", Requirement.DS_1),
  /** A data subject granted consent (授权同意). */
  CONSENT_GRANTED("授权同意", Requirement.PI_4),
  /** A data subject withdrew consent (撤回同意). */
  CONSENT_WITHDRAWN("撤回同意", Requirement.PI_4),
  /** An approval was granted (审批通过). */
  APPROVAL_GRANTED("审批通过", Requirement.USE_1),
  /** An approval ticket was used (使用审批). */
  APPROVAL_USED("使用审批", Requirement.USE_1),
  /** A key was rotated (密钥轮换). */
  KEY_ROTATED("密钥轮换", Requirement.ST_3),
  /** A key was destroyed (密钥销毁). */
  KEY_DESTROYED("密钥销毁", Requirement.DS_2),
  /** The audit log cut a torn last line when it was opened (日志恢复). */
  LOG_RECOVERED("日志恢复", Requirement.AU_2),
  /** The audit log pruned segments past retention (日志清理). */
  LOG_PRUNED("日志清理", Requirement.TX_2);

  private final String chineseName;
  private final Requirement requirement;

  Action(String chineseName, Requirement requirement) {
    this.chineseName = chineseName;
    this.requirement = requirement;
  }

  /**
   * Returns the Chinese name used in review reports, for example {@code 导出}.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Returns the requirement that most directly asks for this action to be recorded.
   *
   * @return the requirement
   */
  public Requirement requirement() {
    return requirement;
  }

  /**
   * Tells whether data leaves the system: export, download, transmission or sharing (USE-2, TX-3).
   *
   * @return true for outbound actions
   */
  public boolean isOutbound() {
    return this == EXPORT || this == DOWNLOAD || this == TRANSMIT || this == SHARE;
  }

  /**
   * Tells whether this is an export or a download (the bulk operations of USE-2).
   *
   * @return true for export and download
   */
  public boolean isExportOrDownload() {
    return this == EXPORT || this == DOWNLOAD;
  }

  /**
   * Tells whether this is a key-management action.
   *
   * @return true for key rotation and destruction
   */
  public boolean isKeyEvent() {
    return this == KEY_ROTATED || this == KEY_DESTROYED;
  }

  /**
   * Tells whether this removes data: deletion or destruction (DS-1).
   *
   * @return true for delete and destroy
   */
  public boolean isDestruction() {
    return this == DELETE || this == DESTROY || this == KEY_DESTROYED;
  }

  /**
   * Lists the actions of the data lifecycle, without governance and log actions.
   *
   * @return the data actions
   */
  public static List<Action> dataActions() {
    return List.of(COLLECT, STORE, READ, USE, PROCESS, TRANSMIT, SHARE, EXPORT, DOWNLOAD, MODIFY, DELETE, DESTROY);
  }
}
