package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.govdatasec.core.audit.AuditError;
import org.govdatasec.core.audit.AuditException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AU-1, AU-2: a full disk fails appends loudly; acknowledged events survive and the log verifies. */
class FullDiskTest {
  @TempDir
  Path dir;

  /** A channel that accepts a shared byte budget, then writes partially and fails like a full disk. */
  static final class FullDiskChannel extends FileChannel {
    private final FileChannel d;
    private final AtomicLong budget;

    FullDiskChannel(FileChannel d, AtomicLong budget) {
      this.d = d;
      this.budget = budget;
    }

    private ByteBuffer limit(ByteBuffer src) throws IOException {
      long left = budget.get();
      if (left <= 0) {
        throw new IOException("No space left on device");
      }
      if (src.remaining() <= left) {
        budget.addAndGet(-src.remaining());
        return src;
      }
      ByteBuffer part = src.duplicate();
      part.limit(part.position() + (int) left);
      budget.set(0);
      return part;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      ByteBuffer part = limit(src);
      int n = d.write(part, position);
      if (part != src) {
        src.position(src.position() + n);
      }
      return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      ByteBuffer part = limit(src);
      int n = d.write(part);
      if (part != src) {
        src.position(src.position() + n);
      }
      return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return d.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return d.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return d.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return d.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      d.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return d.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      d.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      d.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return d.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return d.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return d.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      d.close();
    }
  }

  @Test
  @DisplayName("AU-1, AU-2: when the disk fills, append fails with GDS-AUDIT-008, nothing acknowledged is lost")
  void fullDisk() {
    AtomicLong budget = new AtomicLong(8_000);
    AuditLog log = TestLogs.builder(dir).checkpointEvery(7)
        .fileOpener(p -> new FullDiskChannel(FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.READ), budget)).open();
    int acked = 0;
    AuditException failure = null;
    for (int i = 0; i < 200 && failure == null; i++) {
      try {
        assertEquals(acked, log.append(TestLogs.event(i)).seq());
        acked++;
      } catch (AuditException e) {
        failure = e;
      }
    }
    assertTrue(failure != null, "the budget must run out");
    assertEquals(AuditError.STORAGE_FAILED, failure.error());
    assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
    assertTrue(acked > 5, "some events fit: " + acked);
    assertEquals(AuditError.LOG_CLOSED, assertThrows(AuditException.class,
        () -> log.append(TestLogs.event(999))).error(), "a failed log refuses further events");
    log.close();
    // Space is freed: reopen, recover, verify; every acknowledged event is there.
    try (AuditLog reopened = TestLogs.builder(dir).open()) {
      assertTrue(reopened.size() >= acked);
    }
    VerificationReport r = AuditVerifier.verify(dir, TestLogs.KEY.publicKey());
    assertTrue(r.valid(), r.summary());
    List<AuditReview.LoggedEvent> events = AuditReview.readEvents(dir);
    for (int i = 0; i < acked; i++) {
      assertEquals("evt-" + i, events.get(i).event().id());
    }
  }
}
