package org.govdatasec.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Reads a segment line by line in large chunks, without decoding. */
public final class SegmentReader {

  /** Receives each complete line. */
  @FunctionalInterface
  public interface LineHandler {
    /**
     * Handles a line.
     *
     * @param b the buffer
     * @param off the line's offset in the buffer
     * @param len the line's length without the newline
     * @param fileOffset the line's offset in the file
     * @return true to continue, false to stop
     * @throws IOException to abort
     */
    boolean line(byte[] b, int off, int len, long fileOffset) throws IOException;
  }

  /** Receives a block of whole lines at once. */
  @FunctionalInterface
  public interface BlockHandler {
    /**
     * Handles a block.
     *
     * @param b the buffer; bytes {@code [0, len)} are whole lines, each ending with a newline
     * @param len the number of bytes of whole lines
     * @param fileOffset the file offset of {@code b[0]}
     * @return true to continue, false to stop
     * @throws IOException to abort
     */
    boolean block(byte[] b, int len, long fileOffset) throws IOException;
  }

  private SegmentReader() {}

  /**
   * Reads a file in large blocks of whole lines (at least {@code blockBytes} when the file is that long),
   * without splitting the lines: the handler splits them, for example in parallel. While the handler works
   * on one block, a reader thread already reads the next one into a second buffer, so the copying from the
   * file overlaps the checking. The newline search runs backwards from the end of each read, so it costs one
   * short scan per block instead of one per byte.
   *
   * @param file the file
   * @param blockBytes the buffer size (grown if one line is longer)
   * @param handler receives each block
   * @return the file offset after the last complete line handed over; equal to the file size when the file
   *     ends with a newline and the handler never stopped
   * @throws IOException if reading fails
   */
  public static long readBlocks(Path file, int blockBytes, BlockHandler handler) throws IOException {
    ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "govdatasec-audit-reader");
      t.setDaemon(true);
      return t;
    });
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      // A small file gets a buffer of its size (plus one byte, to see the end), not two full blocks.
      int size = (int) Math.min(blockBytes, Math.max(4096, ch.size() + 1));
      byte[] cur = new byte[size];
      byte[] spare = new byte[size];
      int filled = fill(ch, cur, 0);
      long base = 0;
      while (true) {
        int end = filled;
        while (end > 0 && cur[end - 1] != '\n') {
          end--;
        }
        if (end == 0) {
          if (filled < cur.length) {
            return base;
          }
          cur = Arrays.copyOf(cur, cur.length * 2);
          filled = fill(ch, cur, filled);
          continue;
        }
        boolean more = filled == cur.length;
        int rest = filled - end;
        if (spare.length < cur.length) {
          spare = new byte[cur.length];
        }
        System.arraycopy(cur, end, spare, 0, rest);
        byte[] next = spare;
        Future<Integer> ahead = more ? reader.submit(() -> fill(ch, next, rest)) : null;
        boolean go = handler.block(cur, end, base);
        int nextFilled = ahead == null ? rest : await(ahead);
        if (!go) {
          return base + end;
        }
        if (!more) {
          return base + end;
        }
        base += end;
        spare = cur;
        cur = next;
        filled = nextFilled;
      }
    } finally {
      reader.shutdownNow();
    }
  }

  /** Reads until the buffer is full or the file ends; returns the new fill level. */
  private static int fill(FileChannel ch, byte[] buf, int from) throws IOException {
    int filled = from;
    while (filled < buf.length) {
      int n = ch.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
      if (n <= 0) {
        break;
      }
      filled += n;
    }
    return filled;
  }

  private static int await(Future<Integer> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IOException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Reads the complete lines of a file.
   *
   * @param file the file
   * @param handler receives each line
   * @return the file offset after the last complete line handled; equal to the file size when the file ends
   *     with a newline and the handler never stopped
   * @throws IOException if reading fails
   */
  public static long read(Path file, LineHandler handler) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] buf = new byte[1 << 20];
      int filled = 0;
      long base = 0;
      while (true) {
        if (filled == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = ch.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
        if (n <= 0) {
          return base;
        }
        int scanFrom = filled;
        filled += n;
        int start = 0;
        for (int i = scanFrom; i < filled; i++) {
          if (buf[i] == '\n') {
            if (!handler.line(buf, start, i - start, base + start)) {
              return base + start;
            }
            start = i + 1;
          }
        }
        base += start;
        System.arraycopy(buf, start, buf, 0, filled - start);
        filled -= start;
      }
    }
  }
}
