package org.govdatasec.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of an {@link AuditReview} (AU-3, AU-4), with a Markdown and a self-contained HTML rendering
 * (inline SVG charts, no script, no network; every value escaped).
 *
 * @param from the start of the period
 * @param to the end of the period (exclusive)
 * @param zone the time zone of local times
 * @param workingHours the working hours, {@code HH:MM-HH:MM}
 * @param bulkThreshold the record count from which an export is bulk
 * @param total the number of events in the period
 * @param byAction events per action, in lifecycle order
 * @param byLevel events per data level
 * @param byActor events of the most active actors, most active first
 * @param actors the number of distinct actors
 * @param byOutcome events per outcome status
 * @param bulkExports bulk exports and downloads (USE-2)
 * @param exportsWithoutTicket successful exports and downloads without an approval ticket (USE-1)
 * @param denied denied accesses (AU-4)
 * @param outOfHours events outside working hours (AU-4)
 * @param destruction deletion and destruction events (DS-1)
 * @param keyEvents key rotation and destruction events
 */
public record ReviewReport(Instant from, Instant to, String zone, String workingHours, long bulkThreshold, long total,
    Map<String, Long> byAction, Map<String, Long> byLevel, Map<String, Long> byActor, int actors,
    Map<String, Long> byOutcome, List<Finding> bulkExports, List<Finding> exportsWithoutTicket, List<Finding> denied,
    List<Finding> outOfHours, List<Finding> destruction, List<Finding> keyEvents) {

  private static final int MAX_ROWS = 200;

  /**
   * Copies the collections.
   *
   * @param from the start
   * @param to the end
   * @param zone the zone
   * @param workingHours the working hours
   * @param bulkThreshold the bulk threshold
   * @param total the total
   * @param byAction per action
   * @param byLevel per level
   * @param byActor per actor
   * @param actors distinct actors
   * @param byOutcome per outcome
   * @param bulkExports bulk exports
   * @param exportsWithoutTicket exports without ticket
   * @param denied denied accesses
   * @param outOfHours out-of-hours events
   * @param destruction destruction events
   * @param keyEvents key events
   */
  public ReviewReport {
    byAction = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byAction));
    byLevel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byLevel));
    byActor = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byActor));
    byOutcome = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byOutcome));
    bulkExports = List.copyOf(bulkExports);
    exportsWithoutTicket = List.copyOf(exportsWithoutTicket);
    denied = List.copyOf(denied);
    outOfHours = List.copyOf(outOfHours);
    destruction = List.copyOf(destruction);
    keyEvents = List.copyOf(keyEvents);
  }

  /**
   * One event the officer should look at.
   *
   * @param seq the sequence number in the log
   * @param localTime the event time in the report's zone
   * @param actor the user
   * @param action the action
   * @param dataset the dataset, or empty
   * @param records the record count
   * @param note why it is listed
   */
  public record Finding(long seq, String localTime, String actor, String action, String dataset, long records,
      String note) {}

  private List<Section> sections() {
    return List.of(
        new Section("Bulk exports and downloads (USE-2)", "批量导出/下载", bulkExports),
        new Section("Exports without an approval ticket (USE-1)", "无审批导出", exportsWithoutTicket),
        new Section("Denied accesses (AU-4)", "拒绝访问", denied),
        new Section("Access outside working hours (AU-4)", "非工作时间访问", outOfHours),
        new Section("Deletion and destruction (DS-1)", "删除/销毁", destruction),
        new Section("Key events", "密钥事件", keyEvents));
  }

  private record Section(String title, String chinese, List<Finding> rows) {}

  /**
   * Renders the report as Markdown.
   *
   * @return the Markdown text
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Audit log review 日志审查报告\n\n");
    sb.append("Period: ").append(from).append(" to ").append(to).append(" (times below in ").append(zone)
        .append("; working hours ").append(workingHours).append(").\n\n");
    sb.append("Requirements: AU-3 (log checks at least twice a year), AU-4 (leakage, abuse and misuse).\n\n");
    sb.append("| events | actors | denied | bulk exports | exports without ticket | outside hours | destruction"
        + " | key events |\n|---|---|---|---|---|---|---|---|\n");
    sb.append("| ").append(total).append(" | ").append(actors).append(" | ").append(denied.size()).append(" | ")
        .append(bulkExports.size()).append(" | ").append(exportsWithoutTicket.size()).append(" | ")
        .append(outOfHours.size()).append(" | ").append(destruction.size()).append(" | ").append(keyEvents.size())
        .append(" |\n\n");
    counts(sb, "Events by action", byAction);
    counts(sb, "Events by data level", byLevel);
    counts(sb, "Events by outcome", byOutcome);
    counts(sb, "Most active actors", byActor);
    for (Section s : sections()) {
      sb.append("## ").append(s.title()).append(" ").append(s.chinese()).append(" (").append(s.rows().size())
          .append(")\n\n");
      if (s.rows().isEmpty()) {
        sb.append("None.\n\n");
        continue;
      }
      sb.append("| seq | time | actor | action | dataset | records | note |\n|---|---|---|---|---|---|---|\n");
      for (Finding f : s.rows().subList(0, Math.min(MAX_ROWS, s.rows().size()))) {
        sb.append("| ").append(f.seq()).append(" | ").append(f.localTime()).append(" | ").append(md(f.actor()))
            .append(" | ").append(f.action()).append(" | ").append(md(f.dataset())).append(" | ")
            .append(f.records()).append(" | ").append(md(f.note())).append(" |\n");
      }
      if (s.rows().size() > MAX_ROWS) {
        sb.append("\n… and ").append(s.rows().size() - MAX_ROWS).append(" more.\n");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void counts(StringBuilder sb, String title, Map<String, Long> m) {
    sb.append("## ").append(title).append("\n\n| value | events |\n|---|---|\n");
    m.forEach((k, v) -> sb.append("| ").append(md(k)).append(" | ").append(v).append(" |\n"));
    sb.append('\n');
  }

  /** Escapes text for a Markdown table cell: no line breaks, pipes or HTML. */
  static String md(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '|' -> sb.append("\\|");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\\', '`', '*', '_', '[', ']' -> sb.append('\\').append(c);
        default -> sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
      }
    }
    return sb.toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c < 0x20 && c != '\n' || c == 0x7f ? ' ' : c);
      }
    }
    return sb.toString();
  }

  /**
   * Renders the report as one self-contained HTML page: summary tiles, inline SVG bar charts and tables
   * of findings. No script, no external resource.
   *
   * @return the HTML text
   */
  public String toHtml() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .append("<title>Audit log review 日志审查报告</title><style>")
        .append("body{font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:2em;color:#1f2933}")
        .append("h1{margin-bottom:.2em}.sub{color:#52606d}.tiles{display:flex;flex-wrap:wrap;gap:12px;margin:1.5em 0}")
        .append(".tile{border-radius:8px;padding:12px 18px;min-width:120px;background:#f0f4f8}")
        .append(".tile b{display:block;font-size:1.8em}.warn{background:#fde8e8}.ok{background:#e3f9e5}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:24px}table{border-collapse:collapse;margin:.5em 0 1.5em}")
        .append("td,th{border:1px solid #cbd2d9;padding:4px 8px;font-size:.9em}th{background:#f0f4f8}")
        .append("</style></head><body>\n");
    sb.append("<h1>Audit log review 日志审查报告</h1><p class=\"sub\">Period ").append(html(from.toString()))
        .append(" to ").append(html(to.toString())).append(" · times in ").append(html(zone))
        .append(" · working hours ").append(html(workingHours)).append(" · AU-3, AU-4</p>\n");
    sb.append("<div class=\"tiles\">");
    tile(sb, "events 事件", total, false);
    tile(sb, "actors 人员", actors, false);
    tile(sb, "denied 拒绝", denied.size(), true);
    tile(sb, "bulk exports 批量导出", bulkExports.size(), true);
    tile(sb, "no ticket 无审批", exportsWithoutTicket.size(), true);
    tile(sb, "outside hours 非工作时间", outOfHours.size(), true);
    tile(sb, "destruction 销毁", destruction.size(), true);
    tile(sb, "key events 密钥", keyEvents.size(), false);
    sb.append("</div>\n<div class=\"charts\">");
    chart(sb, "Events by action 按操作", byAction, "#3b82f6");
    chart(sb, "Events by outcome 按结果", byOutcome, "#10b981");
    chart(sb, "Events by data level 按级别", byLevel, "#f59e0b");
    chart(sb, "Most active actors 活跃人员", byActor, "#8b5cf6");
    sb.append("</div>\n");
    for (Section s : sections()) {
      sb.append("<h2>").append(html(s.title())).append(" ").append(html(s.chinese())).append(" (")
          .append(s.rows().size()).append(")</h2>\n");
      if (s.rows().isEmpty()) {
        sb.append("<p>None.</p>\n");
        continue;
      }
      sb.append("<table><tr><th>seq</th><th>time</th><th>actor</th><th>action</th><th>dataset</th>")
          .append("<th>records</th><th>note</th></tr>\n");
      for (Finding f : s.rows().subList(0, Math.min(MAX_ROWS, s.rows().size()))) {
        sb.append("<tr><td>").append(f.seq()).append("</td><td>").append(html(f.localTime())).append("</td><td>")
            .append(html(f.actor())).append("</td><td>").append(html(f.action())).append("</td><td>")
            .append(html(f.dataset())).append("</td><td>").append(f.records()).append("</td><td>")
            .append(html(f.note())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
      if (s.rows().size() > MAX_ROWS) {
        sb.append("<p>… and ").append(s.rows().size() - MAX_ROWS).append(" more.</p>\n");
      }
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void tile(StringBuilder sb, String label, long value, boolean alert) {
    sb.append("<div class=\"tile ").append(alert ? (value > 0 ? "warn" : "ok") : "").append("\"><b>").append(value)
        .append("</b>").append(html(label)).append("</div>");
  }

  private static void chart(StringBuilder sb, String title, Map<String, Long> data, String colour) {
    int rowH = 22;
    int labelW = 170;
    int barW = 260;
    int h = Math.max(1, data.size()) * rowH + 30;
    long max = data.values().stream().mapToLong(Long::longValue).max().orElse(1);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + barW + 60).append("\" height=\"")
        .append(h).append("\" role=\"img\" aria-label=\"").append(html(title)).append("\">");
    sb.append("<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">").append(html(title)).append("</text>");
    int y = 30;
    for (Map.Entry<String, Long> e : data.entrySet()) {
      long w = max == 0 ? 0 : Math.round((double) e.getValue() * barW / max);
      String label = e.getKey().length() > 24 ? e.getKey().substring(0, 23) + "…" : e.getKey();
      sb.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 14)
          .append("\" font-size=\"12\" text-anchor=\"end\">").append(html(label)).append("</text>");
      sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
          .append("\" height=\"").append(rowH - 6).append("\" fill=\"").append(colour).append("\"/>");
      sb.append("<text x=\"").append(labelW + w + 4).append("\" y=\"").append(y + 14)
          .append("\" font-size=\"12\">").append(e.getValue()).append("</text>");
      y += rowH;
    }
    sb.append("</svg>");
  }
}
