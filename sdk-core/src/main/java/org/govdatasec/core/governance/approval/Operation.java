package org.govdatasec.core.governance.approval;

import org.govdatasec.core.audit.Action;

/** The operations that need an internal approval flow above a record threshold (USE-2, TX-3, DS-1). */
public enum Operation {
  /** 批量导出. */
  BULK_EXPORT("批量导出", Action.EXPORT),
  /** 批量修改. */
  BULK_MODIFY("批量修改", Action.MODIFY),
  /** 复制 (to another store or medium; audited as an export). */
  COPY("复制", Action.EXPORT),
  /** 下载 (to a local device). */
  DOWNLOAD("下载", Action.DOWNLOAD),
  /** 共享 (to another unit). */
  SHARE("共享", Action.SHARE),
  /** 销毁. */
  DESTROY("销毁", Action.DESTROY);

  private final String chineseName;
  private final Action action;

  Operation(String chineseName, Action action) {
    this.chineseName = chineseName;
    this.action = action;
  }

  /**
   * Returns the Chinese name.
   *
   * @return the Chinese name
   */
  public String chineseName() {
    return chineseName;
  }

  /**
   * Returns the audit action the operation is recorded as.
   *
   * @return the action
   */
  public Action action() {
    return action;
  }
}
