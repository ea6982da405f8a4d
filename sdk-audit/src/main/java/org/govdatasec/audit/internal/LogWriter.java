package org.govdatasec.audit.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.govdatasec.audit.AppendReceipt;
import org.govdatasec.audit.Checkpoint;
import org.govdatasec.audit.PruneResult;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditException;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.crypto.Sm2PrivateKey;
import org.govdatasec.crypto.Sm2Signer;

/**
 * The audit log's single writer thread: group commit (one force per batch), segment rotation, signed
 * checkpoints, pruning, recovery on open. All file state is owned by the writer thread.
 */
public final class LogWriter {
  /** The largest canonical event accepted, in bytes; the rest of the line fits in the remaining space. */
  public static final int MAX_EVENT = LogFiles.MAX_LINE - 256;
  private static final int MAX_BATCH = 65_536;
  private static final int FLUSH_AT = 1 << 20;

  /**
   * The writer's configuration.
   *
   * @param dir the directory
   * @param key the signing key
   * @param origin the log's name
   * @param checkpointEvery events per checkpoint
   * @param checkpointMillis milliseconds per checkpoint
   * @param periodMillis milliseconds per segment
   * @param durable whether to force before acknowledging
   * @param clock the clock
   * @param opener opens files for writing
   */
  public record Config(Path dir, Sm2PrivateKey key, String origin, int checkpointEvery, long checkpointMillis,
      long periodMillis, boolean durable, Clock clock, Opener opener) {}

  /** Opens files for writing. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Opens a file.
     *
     * @param p the path
     * @return the channel
     * @throws IOException on failure
     */
    FileChannel open(Path p) throws IOException;
  }

  private enum Kind { EVENT, CHECKPOINT, PRUNE, CLOSE }

  private static final class Op {
    final Kind kind;
    final byte[] event;
    final CompletableFuture<Object> future = new CompletableFuture<>();
    Instant now;
    Duration retention;

    Op(Kind kind, byte[] event) {
      this.kind = kind;
      this.event = event;
    }
  }

  private static final class Segment {
    final Path path;
    final long firstSeq;
    String lastAt;

    Segment(Path path, long firstSeq, String lastAt) {
      this.path = path;
      this.firstSeq = firstSeq;
      this.lastAt = lastAt;
    }
  }

  private final Config cfg;
  private final FileChannel lockChannel;
  private final Sm2Signer signer;
  private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
  private final Object gate = new Object();
  private boolean closed;
  private volatile AuditException failure;
  private volatile long size;
  private volatile Checkpoint latest;
  private volatile String recoveryNote;
  private final Thread thread;

  // Writer-thread state
  private final List<Segment> segments = new ArrayList<>();
  private CompactRange frontier;
  private long base;
  private CompactRange prunedFrontier;
  private String prunedLastAt;
  private long lastAtMillis;
  private byte[] lastAtBytes;
  private long lastAtFormatted = Long.MIN_VALUE;
  private FileChannel channel;
  private long position;
  private long committed;
  private long curPeriod;
  private FileChannel checkpoints;
  private long checkpointsPos;
  private long sinceCheckpoint;
  private long lastCheckpointMillis;
  private boolean unsynced;
  private final LogFiles.Buffer buf = new LogFiles.Buffer(FLUSH_AT + LogFiles.MAX_LINE);
  private final List<Op> acks = new ArrayList<>();
  private final List<AppendReceipt> receipts = new ArrayList<>();

  private LogWriter(Config cfg, FileChannel lockChannel) {
    this.cfg = cfg;
    this.lockChannel = lockChannel;
    this.signer = Sm2Signer.create(cfg.key());
    this.thread = new Thread(this::run, "govdatasec-audit-writer");
    thread.setDaemon(true);
  }

  /**
   * Opens the log: scans the files, cuts a torn tail, starts the writer and records the recovery.
   *
   * @param cfg the configuration
   * @param lockChannel the held lock's channel, closed with the log
   * @return the writer
   */
  public static LogWriter open(Config cfg, FileChannel lockChannel) {
    LogWriter w = new LogWriter(cfg, lockChannel);
    try {
      w.scan();
    } catch (IOException e) {
      w.closeFiles();
      throw AuditError.STORAGE_FAILED.exception("Cannot read or repair the audit log in " + cfg.dir() + ": " + e, e);
    } catch (RuntimeException e) {
      w.closeFiles();
      throw e;
    }
    w.size = w.frontier.size();
    w.lastCheckpointMillis = cfg.clock().millis();
    w.thread.start();
    if (w.recoveryNote != null) {
      AuditEvent e = AuditEvent.builder(Action.LOG_RECOVERED, w.systemActor())
          .time(Instant.ofEpochMilli(cfg.clock().millis()))
          .object(DataObject.bulk(cfg.origin(), "audit-log", 0))
          .outcome(new Outcome(Outcome.Status.SUCCESS, w.recoveryNote)).build();
      join(w.submit(e));
    }
    return w;
  }

  private static void join(CompletableFuture<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AuditError.INTERRUPTED.exception("Interrupted while recording the audit log's recovery.", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof AuditException ae) {
        throw ae;
      }
      throw AuditError.STORAGE_FAILED.exception("Recording the recovery failed: " + e.getCause(), e.getCause());
    }
  }

  private Actor systemActor() {
    return new Actor("govdatasec-audit", "system", null, cfg.origin());
  }

  // ---------------------------------------------------------------- API (any thread)

  /**
   * Submits an event.
   *
   * @param event the event
   * @return the future receipt
   */
  public CompletableFuture<AppendReceipt> submit(AuditEvent event) {
    byte[] bytes = EventCodec.encode(event);
    if (bytes.length > MAX_EVENT) {
      throw AuditError.EVENT_TOO_LARGE.exception("Event " + event.id() + " encodes to " + bytes.length
          + " bytes; the limit is " + MAX_EVENT + " bytes.");
    }
    Op op = enqueue(new Op(Kind.EVENT, bytes));
    @SuppressWarnings("unchecked")
    CompletableFuture<AppendReceipt> f = (CompletableFuture<AppendReceipt>) (CompletableFuture<?>) op.future;
    return f;
  }

  /**
   * Asks for a checkpoint.
   *
   * @return the future checkpoint
   */
  public CompletableFuture<Checkpoint> checkpoint() {
    Op op = enqueue(new Op(Kind.CHECKPOINT, null));
    return op.future.thenApply(Checkpoint.class::cast);
  }

  /**
   * Asks for a prune.
   *
   * @param now the current time
   * @param retention the retention
   * @return the future result
   */
  public CompletableFuture<PruneResult> prune(Instant now, Duration retention) {
    Op op = new Op(Kind.PRUNE, null);
    op.now = now;
    op.retention = retention;
    enqueue(op);
    return op.future.thenApply(PruneResult.class::cast);
  }

  private Op enqueue(Op op) {
    synchronized (gate) {
      if (closed) {
        AuditException f = failure;
        throw AuditError.LOG_CLOSED.exception(f == null ? "The audit log in " + cfg.dir() + " is closed."
            : "The audit log in " + cfg.dir() + " failed earlier (" + f.code() + ") and accepts no events.");
      }
      queue.add(op);
    }
    return op;
  }

  /**
   * Returns the number of events written.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Returns the latest checkpoint.
   *
   * @return the checkpoint or null
   */
  public Checkpoint latestCheckpoint() {
    return latest;
  }

  /**
   * Returns the recovery note.
   *
   * @return the note or null
   */
  public String recoveryNote() {
    return recoveryNote;
  }

  /** Closes the log: final checkpoint, force, release. Idempotent. */
  public void close() {
    Op op;
    synchronized (gate) {
      if (closed) {
        op = null;
      } else {
        op = new Op(Kind.CLOSE, null);
        queue.add(op);
        closed = true;
      }
    }
    if (op != null) {
      join(op.future);
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- writer thread

  private void run() {
    List<Op> batch = new ArrayList<>();
    try {
      while (true) {
        Op first;
        if (sinceCheckpoint > 0) {
          long wait = cfg.checkpointMillis() - (cfg.clock().millis() - lastCheckpointMillis);
          first = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.MILLISECONDS);
          if (first == null) {
            writeCheckpoint();
            continue;
          }
        } else {
          first = queue.take();
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH);
        boolean stop = process(batch);
        batch.clear();
        if (stop) {
          return;
        }
      }
    } catch (Throwable t) {
      fail(t, batch);
    }
  }

  private boolean process(List<Op> batch) throws IOException {
    for (Op op : batch) {
      switch (op.kind) {
        case EVENT -> {
          AppendReceipt r = writeEvent(op.event);
          acks.add(op);
          receipts.add(r);
        }
        case CHECKPOINT -> {
          commit();
          op.future.complete(writeCheckpoint());
        }
        case PRUNE -> {
          commit();
          try {
            op.future.complete(doPrune(op.now, op.retention));
          } catch (AuditException e) {
            op.future.completeExceptionally(e);
          }
        }
        case CLOSE -> {
          commit();
          if (latest == null ? frontier.size() > 0 : latest.size() < frontier.size()) {
            writeCheckpoint();
          }
          forceAll();
          closeFiles();
          op.future.complete(null);
          return true;
        }
        default -> throw new IllegalStateException(op.kind.toString());
      }
    }
    commit();
    if (sinceCheckpoint >= cfg.checkpointEvery()) {
      writeCheckpoint();
    }
    return false;
  }

  private AppendReceipt writeEvent(byte[] event) throws IOException {
    long now = cfg.clock().millis();
    long back = 0;
    if (now < lastAtMillis) {
      back = lastAtMillis - now;
      now = lastAtMillis;
    }
    long period = Math.floorDiv(now, cfg.periodMillis());
    if (channel == null || period != curPeriod) {
      rotate(period);
    }
    if (now != lastAtFormatted) {
      lastAtBytes = LogFiles.formatAt(now).getBytes(StandardCharsets.US_ASCII);
      lastAtFormatted = now;
    }
    lastAtMillis = now;
    long seq = frontier.size();
    byte[] leaf = LogFiles.appendLine(buf, seq, lastAtBytes, back, event);
    frontier.append(leaf);
    sinceCheckpoint++;
    if (buf.size() >= FLUSH_AT) {
      flush();
    }
    return new AppendReceipt(seq, Instant.ofEpochMilli(now));
  }

  private void rotate(long period) throws IOException {
    if (channel != null) {
      flush();
      channel.force(false);
      unsynced = false;
      completeAcks();
      segments.get(segments.size() - 1).lastAt = LogFiles.formatAt(lastAtMillis);
      channel.close();
      channel = null;
    }
    long seq = frontier.size();
    Path p = cfg.dir().resolve(LogFiles.segmentName(seq));
    channel = cfg.opener().open(p);
    position = channel.size();
    committed = position;
    curPeriod = period;
    segments.add(new Segment(p, seq, null));
    syncDirectory();
  }

  private void flush() throws IOException {
    if (buf.size() == 0) {
      return;
    }
    ByteBuffer bb = ByteBuffer.wrap(buf.array(), 0, buf.size());
    while (bb.hasRemaining()) {
      position += channel.write(bb, position);
    }
    buf.truncate(0);
    unsynced = true;
  }

  private void commit() throws IOException {
    flush();
    if (cfg.durable() && unsynced) {
      channel.force(false);
      unsynced = false;
    }
    completeAcks();
  }

  private void completeAcks() {
    if (acks.isEmpty()) {
      return;
    }
    committed = position;
    size = frontier.size();
    for (int i = 0; i < acks.size(); i++) {
      acks.get(i).future.complete(receipts.get(i));
    }
    acks.clear();
    receipts.clear();
  }

  private void forceAll() throws IOException {
    if (channel != null && unsynced) {
      channel.force(false);
      unsynced = false;
    }
  }

  private Checkpoint writeCheckpoint() throws IOException {
    commit();
    forceAll();
    long now = Math.max(cfg.clock().millis(), lastAtMillis);
    String at = LogFiles.formatAt(now);
    String root = HexFormat.of().formatHex(frontier.root());
    long n = frontier.size();
    String message = org.govdatasec.audit.internal.Checkpoints.message(cfg.origin(), n, root, at);
    byte[] sig;
    try {
      sig = signer.sign(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw AuditError.SIGNING_FAILED.exception("Signing the checkpoint at size " + n + " failed.", e);
    }
    Checkpoint cp = new Checkpoint(cfg.origin(), n, root, at, Base64.getEncoder().encodeToString(sig));
    if (checkpoints == null) {
      Path p = cfg.dir().resolve(LogFiles.CHECKPOINTS);
      checkpoints = cfg.opener().open(p);
      checkpointsPos = checkpoints.size();
    }
    ByteBuffer bb = ByteBuffer.wrap(Checkpoints.line(cp));
    long pos = checkpointsPos;
    while (bb.hasRemaining()) {
      pos += checkpoints.write(bb, pos);
    }
    checkpoints.force(false);
    checkpointsPos = pos;
    latest = cp;
    sinceCheckpoint = 0;
    lastCheckpointMillis = cfg.clock().millis();
    return cp;
  }

  private PruneResult doPrune(Instant now, Duration retention) throws IOException {
    long floor = now.minus(retention).toEpochMilli();
    List<Segment> removable = new ArrayList<>();
    String why = "only the current segment exists";
    for (int i = 0; i + 1 < segments.size(); i++) {
      Segment s = segments.get(i);
      long lastSeq = segments.get(i + 1).firstSeq - 1;
      long lastAt = s.lastAt == null ? Long.MIN_VALUE : Instant.parse(s.lastAt).toEpochMilli();
      if (lastAt >= floor) {
        why = "segment " + s.path.getFileName() + " holds entries up to " + s.lastAt + ", within the retention of "
            + retention.toDays() + " days before " + now;
        break;
      }
      if (latest == null || latest.size() <= lastSeq) {
        why = "segment " + s.path.getFileName() + " (up to seq " + lastSeq + ") is not covered by a signed checkpoint";
        break;
      }
      removable.add(s);
    }
    if (removable.isEmpty()) {
      throw AuditError.PRUNE_REFUSED.exception("Nothing can be pruned from the audit log in " + cfg.dir() + ": "
          + why + ".");
    }
    long newBase = segments.get(removable.size()).firstSeq;
    CompactRange f = prunedFrontier == null ? new CompactRange() : prunedFrontier.copy();
    LogFiles.Line line = new LogFiles.Line();
    for (Segment s : removable) {
      SegmentReader.read(s.path, (b, off, len, fo) -> {
        String err = LogFiles.parseLine(b, off, len, line);
        if (err != null || line.seq != f.size()) {
          throw new IOException("segment " + s.path.getFileName() + " changed while pruning: " + err);
        }
        f.append(LogFiles.storedLeaf(b, line));
        return true;
      });
    }
    String lastAt = removable.get(removable.size() - 1).lastAt;
    LogFiles.writeAtomically(cfg.dir().resolve(LogFiles.PRUNED), Checkpoints.prunedJson(newBase, lastAt, f));
    syncDirectory();
    List<String> names = new ArrayList<>();
    for (Segment s : removable) {
      Files.deleteIfExists(s.path);
      names.add(s.path.getFileName().toString());
    }
    syncDirectory();
    segments.subList(0, removable.size()).clear();
    prunedFrontier = f;
    prunedLastAt = lastAt;
    base = newBase;
    AuditEvent e = AuditEvent.builder(Action.LOG_PRUNED, systemActor())
        .time(Instant.ofEpochMilli(Math.max(cfg.clock().millis(), lastAtMillis)))
        .object(DataObject.bulk(cfg.origin(), "audit-log", newBase))
        .legalBasis("TX-2 retention floor of " + retention.toDays() + " days")
        .outcome(new Outcome(Outcome.Status.SUCCESS, "pruned " + names.size() + " segment(s) " + names
            + "; sequence numbers below " + newBase + " removed; tree state kept in " + LogFiles.PRUNED))
        .build();
    AppendReceipt r = writeEvent(EventCodec.encode(e));
    commit();
    return new PruneResult(names, newBase, r.seq());
  }

  private void syncDirectory() {
    try (FileChannel d = FileChannel.open(cfg.dir(), StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the file data itself is forced.
    }
  }

  private void fail(Throwable t, List<Op> batch) {
    AuditException ex = t instanceof AuditException ae && ae.error() == AuditError.SIGNING_FAILED ? ae
        : AuditError.STORAGE_FAILED.exception("Writing the audit log in " + cfg.dir() + " failed (" + t
            + "); the events of this batch were not acknowledged.", t);
    List<Op> rest = new ArrayList<>(batch);
    synchronized (gate) {
      failure = ex;
      closed = true;
      queue.drainTo(rest);
    }
    for (Op op : rest) {
      op.future.completeExceptionally(ex);
    }
    acks.clear();
    receipts.clear();
    if (channel != null) {
      try {
        channel.truncate(committed);
      } catch (IOException | RuntimeException ignored) {
        // recovery on the next open cuts whatever remains after the last complete line
      }
    }
    closeFiles();
  }

  private void closeFiles() {
    for (FileChannel ch : new FileChannel[] {channel, checkpoints, lockChannel}) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // closing releases what it can
        }
      }
    }
    channel = null;
    checkpoints = null;
  }

  // ---------------------------------------------------------------- open: scan and recover

  private void scan() throws IOException {
    Path dir = cfg.dir();
    List<String> notes = new ArrayList<>();
    Path prunedFile = dir.resolve(LogFiles.PRUNED);
    base = 0;
    frontier = new CompactRange();
    String lastAt = "";
    if (Files.exists(prunedFile)) {
      Checkpoints.Pruned p = Checkpoints.readPruned(prunedFile);
      base = p.size();
      prunedFrontier = p.frontier();
      prunedLastAt = p.lastAt();
      frontier = p.frontier().copy();
      lastAt = p.lastAt();
    }
    // Checkpoints first: the last one's root is checked against the restored tree.
    Path cpFile = dir.resolve(LogFiles.CHECKPOINTS);
    Checkpoint lastCp = null;
    if (Files.exists(cpFile)) {
      List<Checkpoint> cps = new ArrayList<>();
      long good = SegmentReader.read(cpFile, (b, off, len, fo) -> {
        try {
          cps.add(Checkpoints.parse(EventCodec.tree(b, off, len)));
          return true;
        } catch (IOException | RuntimeException e) {
          return false;
        }
      });
      long fileSize = Files.size(cpFile);
      if (good < fileSize) {
        // Only a torn tail (no complete valid line after it) may be cut.
        if (hasValidCheckpointAfter(cpFile, good)) {
          throw AuditError.CORRUPT_LOG.exception("The checkpoints file " + cpFile + " has a damaged line at byte "
              + good + " followed by valid checkpoints.");
        }
        truncate(cpFile, good);
        notes.add("cut " + (fileSize - good) + " bytes of a torn checkpoint line from " + LogFiles.CHECKPOINTS);
      }
      if (!cps.isEmpty()) {
        lastCp = cps.get(cps.size() - 1);
      }
    }
    List<Path> files = LogFiles.segments(dir);
    // Finish an interrupted prune: remove segments wholly below the pruned prefix.
    while (files.size() > 1 && LogFiles.firstSeq(files.get(1)) <= base) {
      Files.deleteIfExists(files.remove(0));
    }
    if (!files.isEmpty() && LogFiles.firstSeq(files.get(0)) != base) {
      throw AuditError.CORRUPT_LOG.exception("The first segment " + files.get(0).getFileName() + " does not start at"
          + " sequence number " + base + ".");
    }
    byte[] rootAtCheckpoint = lastCp != null && lastCp.size() == frontier.size() ? frontier.root() : null;
    final Checkpoint cpRef = lastCp;
    final byte[][] rootHolder = {rootAtCheckpoint};
    final String[] lastAtHolder = {lastAt};
    LogFiles.Line line = new LogFiles.Line();
    for (int i = 0; i < files.size(); i++) {
      Path seg = files.get(i);
      boolean last = i == files.size() - 1;
      if (LogFiles.firstSeq(seg) != frontier.size()) {
        throw AuditError.CORRUPT_LOG.exception("Segment " + seg.getFileName() + " does not start at sequence number "
            + frontier.size() + ".");
      }
      String[] bad = {null};
      long good = SegmentReader.read(seg, (b, off, len, fo) -> {
        String err = LogFiles.parseLine(b, off, len, line);
        if (err == null && line.seq != frontier.size()) {
          err = "sequence number " + line.seq + " where " + frontier.size() + " was expected";
        }
        if (err == null) {
          String at = new String(b, line.atOff, LogFiles.AT_LENGTH, StandardCharsets.US_ASCII);
          if (at.compareTo(lastAtHolder[0]) < 0) {
            err = "log time " + at + " before the previous entry's";
          } else {
            lastAtHolder[0] = at;
          }
        }
        if (err != null) {
          bad[0] = err;
          return false;
        }
        frontier.append(LogFiles.storedLeaf(b, line));
        if (cpRef != null && frontier.size() == cpRef.size()) {
          rootHolder[0] = frontier.root();
        }
        return true;
      });
      long fileSize = Files.size(seg);
      if (good < fileSize) {
        if (!last || hasValidLineAfter(seg, good)) {
          throw AuditError.CORRUPT_LOG.exception("Segment " + seg.getFileName() + " is damaged at byte " + good
              + " (" + (bad[0] == null ? "an unterminated line" : bad[0]) + ") before its end.");
        }
        truncate(seg, good);
        notes.add("cut " + (fileSize - good) + " bytes of a torn last line after sequence number "
            + (frontier.size() - 1) + " from " + seg.getFileName());
      }
      segments.add(new Segment(seg, LogFiles.firstSeq(seg), lastAtHolder[0].isEmpty() ? null : lastAtHolder[0]));
    }
    if (lastCp != null) {
      if (lastCp.size() > frontier.size()) {
        throw AuditError.CORRUPT_LOG.exception("The latest checkpoint covers " + lastCp.size() + " events but the log"
            + " holds " + frontier.size() + ": events after a checkpoint were removed.");
      }
      if (rootHolder[0] == null || !HexFormat.of().formatHex(rootHolder[0]).equals(lastCp.rootHex())) {
        throw AuditError.CORRUPT_LOG.exception("The restored Merkle tree does not match the latest signed checkpoint"
            + " (size " + lastCp.size() + "): the log was modified.");
      }
      latest = lastCp;
    }
    if (!lastAtHolder[0].isEmpty()) {
      lastAtMillis = Instant.parse(lastAtHolder[0]).toEpochMilli();
    }
    if (!segments.isEmpty()) {
      Segment cur = segments.get(segments.size() - 1);
      channel = cfg.opener().open(cur.path);
      position = channel.size();
      committed = position;
      curPeriod = cur.lastAt == null ? Math.floorDiv(cfg.clock().millis(), cfg.periodMillis())
          : Math.floorDiv(firstAtMillis(cur.path, lastAtMillis), cfg.periodMillis());
    }
    sinceCheckpoint = latest == null ? frontier.size() - base : frontier.size() - latest.size();
    if (!notes.isEmpty()) {
      recoveryNote = String.join("; ", notes);
    }
  }

  private static long firstAtMillis(Path seg, long fallback) throws IOException {
    long[] out = {fallback};
    LogFiles.Line line = new LogFiles.Line();
    SegmentReader.read(seg, (b, off, len, fo) -> {
      if (LogFiles.parseLine(b, off, len, line) == null) {
        out[0] = Instant.parse(new String(b, line.atOff, LogFiles.AT_LENGTH, StandardCharsets.US_ASCII))
            .toEpochMilli();
      }
      return false;
    });
    return out[0];
  }

  private static boolean hasValidLineAfter(Path seg, long from) throws IOException {
    boolean[] found = {false};
    LogFiles.Line line = new LogFiles.Line();
    SegmentReader.read(seg, (b, off, len, fo) -> {
      if (fo > from && LogFiles.parseLine(b, off, len, line) == null) {
        found[0] = true;
        return false;
      }
      return true;
    });
    return found[0];
  }

  private static boolean hasValidCheckpointAfter(Path file, long from) throws IOException {
    boolean[] found = {false};
    SegmentReader.read(file, (b, off, len, fo) -> {
      if (fo > from) {
        try {
          Checkpoints.parse(EventCodec.tree(b, off, len));
          found[0] = true;
          return false;
        } catch (IOException | RuntimeException e) {
          return true;
        }
      }
      return true;
    });
    return found[0];
  }

  private void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = cfg.opener().open(file)) {
      ch.truncate(size);
      ch.force(true);
    }
  }

  /**
   * Writes a checkpoint line as JSON.
   *
   * @param g the generator
   * @param cp the checkpoint
   * @throws IOException on failure
   */
  static void writeCheckpointJson(JsonGenerator g, Checkpoint cp) throws IOException {
    g.writeStartObject();
    g.writeStringField("origin", cp.origin());
    g.writeNumberField("size", cp.size());
    g.writeStringField("root", cp.rootHex());
    g.writeStringField("at", cp.at());
    g.writeStringField("sig", cp.signature());
    g.writeEndObject();
  }

  static byte[] json(JsonWriter w) {
    ByteArrayBuilder out = new ByteArrayBuilder(256);
    try (JsonGenerator g = EventCodec.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      w.write(g);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @FunctionalInterface
  interface JsonWriter {
    void write(JsonGenerator g) throws IOException;
  }

  static JsonNode node(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return n;
  }
}
