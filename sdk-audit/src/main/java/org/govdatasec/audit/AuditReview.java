package org.govdatasec.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.govdatasec.audit.internal.EventCodec;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.audit.internal.SegmentReader;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditException;
import org.govdatasec.core.audit.Outcome;

/**
 * The periodic log check (AU-3: at least twice a year for high-risk systems) and misuse watch (AU-4) over
 * the events of a period: counts by action, level, actor and outcome, and the findings a security officer
 * must look at: bulk exports and downloads (USE-2), exports without an approval ticket (USE-1), denied
 * accesses, access outside working hours, destruction events (DS-1) and key events.
 *
 * <p>Run {@link AuditVerifier} first: the review reads events, it does not check them.
 */
public final class AuditReview {
  private final Instant from;
  private final Instant to;
  private final ZoneId zone;
  private final LocalTime workStart;
  private final LocalTime workEnd;
  private final Set<DayOfWeek> workDays;
  private final long bulkThreshold;
  private final int topActors;

  private AuditReview(Builder b) {
    this.from = b.from;
    this.to = b.to;
    this.zone = b.zone;
    this.workStart = b.workStart;
    this.workEnd = b.workEnd;
    this.workDays = EnumSet.copyOf(b.workDays);
    this.bulkThreshold = b.bulkThreshold;
    this.topActors = b.topActors;
  }

  /**
   * An event as read from the log.
   *
   * @param seq its sequence number
   * @param at the log time
   * @param event the event
   */
  public record LoggedEvent(long seq, Instant at, AuditEvent event) {}

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads every event of a log directory, in order.
   *
   * @param dir the log directory
   * @return the events
   * @throws AuditException {@code GDS-AUDIT-014} if the log cannot be read or a line is not an event
   */
  public static List<LoggedEvent> readEvents(Path dir) {
    List<LoggedEvent> out = new ArrayList<>();
    try {
      LogFiles.Line line = new LogFiles.Line();
      for (Path seg : LogFiles.segments(dir)) {
        SegmentReader.read(seg, (b, off, len, fo) -> {
          String err = LogFiles.parseLine(b, off, len, line);
          if (err != null) {
            throw new IOException(seg.getFileName() + " offset " + fo + ": " + err);
          }
          JsonNode n = EventCodec.tree(b, line.eventOff, line.eventLen);
          Instant at = Instant.parse(new String(b, line.atOff, LogFiles.AT_LENGTH, StandardCharsets.US_ASCII));
          out.add(new LoggedEvent(line.seq, at, EventCodec.decode(n)));
          return true;
        });
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof AuditException ae) {
        throw ae;
      }
      throw AuditError.UNREADABLE_INPUT.exception("Cannot read the events of the audit log in " + dir + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Reviews the events of a log directory.
   *
   * @param dir the log directory
   * @return the report
   * @throws AuditException {@code GDS-AUDIT-014} if the log cannot be read
   */
  public ReviewReport review(Path dir) {
    return review(readEvents(dir));
  }

  /**
   * Reviews events.
   *
   * @param events the events, in log order
   * @return the report
   */
  public ReviewReport review(List<LoggedEvent> events) {
    Map<String, Long> byAction = new LinkedHashMap<>();
    Map<String, Long> byLevel = new TreeMap<>();
    Map<String, Long> byActorAll = new TreeMap<>();
    Map<String, Long> byOutcome = new LinkedHashMap<>();
    for (Outcome.Status s : Outcome.Status.values()) {
      byOutcome.put(s.name(), 0L);
    }
    List<ReviewReport.Finding> bulk = new ArrayList<>();
    List<ReviewReport.Finding> noTicket = new ArrayList<>();
    List<ReviewReport.Finding> denied = new ArrayList<>();
    List<ReviewReport.Finding> offHours = new ArrayList<>();
    List<ReviewReport.Finding> destruction = new ArrayList<>();
    List<ReviewReport.Finding> keys = new ArrayList<>();
    long total = 0;
    for (LoggedEvent le : events) {
      AuditEvent e = le.event();
      if (e.time().isBefore(from) || !e.time().isBefore(to)) {
        continue;
      }
      total++;
      byAction.merge(e.action().name(), 1L, Long::sum);
      byLevel.merge(e.level() == null ? "(unclassified)" : e.level().toString(), 1L, Long::sum);
      byActorAll.merge(e.actor().user(), 1L, Long::sum);
      byOutcome.merge(e.outcome().status().name(), 1L, Long::sum);
      long records = e.object() == null ? 0 : e.object().recordCount();
      if (e.action().isExportOrDownload() && records >= bulkThreshold) {
        bulk.add(finding(le, "bulk: " + records + " records (threshold " + bulkThreshold + ")"));
      }
      if (e.action().isExportOrDownload() && e.outcome().status() == Outcome.Status.SUCCESS
          && e.approvalTicket() == null) {
        noTicket.add(finding(le, "export or download without an approval ticket"));
      }
      if (e.outcome().status() == Outcome.Status.DENIED) {
        denied.add(finding(le, "denied: " + e.outcome().reason()));
      }
      ZonedDateTime local = e.time().atZone(zone);
      LocalTime t = local.toLocalTime();
      boolean system = "govdatasec-audit".equals(e.actor().user());
      if (!system && (!workDays.contains(local.getDayOfWeek()) || t.isBefore(workStart) || !t.isBefore(workEnd))) {
        offHours.add(finding(le, "outside working hours (" + local.getDayOfWeek() + " " + t.withNano(0) + ")"));
      }
      if (e.action().isDestruction()) {
        destruction.add(finding(le, e.outcome().status() + (e.outcome().reason() == null ? ""
            : ": " + e.outcome().reason())));
      }
      if (e.action().isKeyEvent()) {
        keys.add(finding(le, e.outcome().status().name()));
      }
    }
    Map<String, Long> byActor = new LinkedHashMap<>();
    byActorAll.entrySet().stream()
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
            : Long.compare(b.getValue(), a.getValue()))
        .limit(topActors).forEach(en -> byActor.put(en.getKey(), en.getValue()));
    Map<String, Long> actions = new LinkedHashMap<>();
    for (Action a : Action.values()) {
      if (byAction.containsKey(a.name())) {
        actions.put(a.name(), byAction.get(a.name()));
      }
    }
    return new ReviewReport(from, to, zone.getId(), workStart + "-" + workEnd, bulkThreshold, total, actions,
        byLevel, byActor, byActorAll.size(), byOutcome, bulk, noTicket, denied, offHours, destruction, keys);
  }

  private ReviewReport.Finding finding(LoggedEvent le, String note) {
    AuditEvent e = le.event();
    return new ReviewReport.Finding(le.seq(), e.time().atZone(zone).toLocalDateTime().withNano(0).toString(),
        e.actor().user(), e.action().name(), e.object() == null || e.object().dataset() == null ? ""
            : e.object().dataset(), e.object() == null ? 0 : e.object().recordCount(), note);
  }

  /** Builds an {@link AuditReview}; every setter validates at once. */
  public static final class Builder {
    private Instant from = Instant.EPOCH;
    private Instant to = Instant.parse("9999-12-31T00:00:00Z");
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private LocalTime workStart = LocalTime.of(8, 30);
    private LocalTime workEnd = LocalTime.of(18, 0);
    private Set<DayOfWeek> workDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private long bulkThreshold = 1000;
    private int topActors = 10;

    private Builder() {}

    /**
     * Sets the period reviewed, {@code [from, to)} by event time.
     *
     * @param fromInclusive the start
     * @param toExclusive the end
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-016} unless {@code from < to}
     */
    public Builder period(Instant fromInclusive, Instant toExclusive) {
      if (fromInclusive == null || toExclusive == null || !fromInclusive.isBefore(toExclusive)) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("The review period " + fromInclusive + " to " + toExclusive
            + " is empty or reversed.");
      }
      this.from = fromInclusive;
      this.to = toExclusive;
      return this;
    }

    /**
     * Sets the time zone of working hours and of times in the report (default Asia/Shanghai).
     *
     * @param value the zone
     * @return this builder
     */
    public Builder zone(ZoneId value) {
      this.zone = java.util.Objects.requireNonNull(value, "zone");
      return this;
    }

    /**
     * Sets working hours (default 08:30 to 18:00).
     *
     * @param start the start
     * @param end the end, after the start
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-016} unless {@code start < end}
     */
    public Builder workingHours(LocalTime start, LocalTime end) {
      if (start == null || end == null || !start.isBefore(end)) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("Working hours " + start + " to " + end + " are empty.");
      }
      this.workStart = start;
      this.workEnd = end;
      return this;
    }

    /**
     * Sets working days (default Monday to Friday).
     *
     * @param days the days, at least one
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-016} for no day
     */
    public Builder workingDays(Set<DayOfWeek> days) {
      if (days == null || days.isEmpty()) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("No working day was given.");
      }
      this.workDays = EnumSet.copyOf(days);
      return this;
    }

    /**
     * Sets the record count from which an export or download is bulk (default 1,000; USE-2).
     *
     * @param value at least 1
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-016} below 1
     */
    public Builder bulkThreshold(long value) {
      if (value < 1) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("The bulk threshold " + value + " is below 1.");
      }
      this.bulkThreshold = value;
      return this;
    }

    /**
     * Sets how many of the most active actors the report lists (default 10).
     *
     * @param value at least 1
     * @return this builder
     * @throws AuditException {@code GDS-AUDIT-016} below 1
     */
    public Builder topActors(int value) {
      if (value < 1) {
        throw AuditError.BAD_REVIEW_PERIOD.exception("topActors " + value + " is below 1.");
      }
      this.topActors = value;
      return this;
    }

    /**
     * Builds the review.
     *
     * @return the review
     */
    public AuditReview build() {
      return new AuditReview(this);
    }
  }
}
