package org.govdatasec.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.govdatasec.audit.Checkpoint;

/** Encoding of checkpoint lines and of the pruned-prefix record (see docs/audit.md). */
public final class Checkpoints {
  private Checkpoints() {}

  /**
   * The pruned-prefix record: the tree state of the removed events.
   *
   * @param size the number of removed events (the first kept sequence number)
   * @param lastAt the log time of the last removed entry
   * @param frontier the roots of the perfect subtrees of the removed prefix
   */
  public record Pruned(long size, String lastAt, CompactRange frontier) {}

  /**
   * Returns the signed message of a checkpoint.
   *
   * @param origin the origin
   * @param size the size
   * @param rootHex the root in hex
   * @param at the time
   * @return the message
   */
  public static String message(String origin, long size, String rootHex, String at) {
    return Checkpoint.HEADER + "\n" + origin + "\n" + size + "\n" + rootHex + "\n" + at + "\n";
  }

  /**
   * Encodes a checkpoint line, with its newline.
   *
   * @param cp the checkpoint
   * @return the bytes
   */
  public static byte[] line(Checkpoint cp) {
    byte[] json = LogWriter.json(g -> LogWriter.writeCheckpointJson(g, cp));
    byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
    out[json.length] = '\n';
    return out;
  }

  /**
   * Parses a checkpoint line.
   *
   * @param n the JSON tree
   * @return the checkpoint
   * @throws IllegalArgumentException if it is not a checkpoint
   */
  public static Checkpoint parse(JsonNode n) {
    JsonNode size = LogWriter.node(n, "size");
    if (!size.canConvertToExactIntegral() || size.asLong() < 0) {
      throw new IllegalArgumentException("size is not a count");
    }
    String root = LogWriter.node(n, "root").textValue();
    if (root == null || !root.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("root is not 64 hex digits");
    }
    return new Checkpoint(text(n, "origin"), size.asLong(), root, text(n, "at"), text(n, "sig"));
  }

  private static String text(JsonNode n, String f) {
    String t = LogWriter.node(n, f).textValue();
    if (t == null) {
      throw new IllegalArgumentException(f + " is not a string");
    }
    return t;
  }

  /**
   * Encodes the pruned-prefix record.
   *
   * @param size the first kept sequence number
   * @param lastAt the log time of the last removed entry
   * @param frontier the frontier of the removed prefix
   * @return the JSON bytes
   */
  public static byte[] prunedJson(long size, String lastAt, CompactRange frontier) {
    return LogWriter.json(g -> {
      g.writeStartObject();
      g.writeNumberField("size", size);
      g.writeStringField("lastAt", lastAt == null ? "" : lastAt);
      g.writeArrayFieldStart("frontier");
      for (byte[] h : frontier.hashes()) {
        g.writeString(HexFormat.of().formatHex(h));
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /**
   * Reads the pruned-prefix record.
   *
   * @param file the file
   * @return the record
   * @throws IOException if it cannot be read or is malformed
   */
  public static Pruned readPruned(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    try {
      JsonNode n = EventCodec.tree(b, 0, b.length);
      long size = LogWriter.node(n, "size").asLong();
      List<byte[]> hashes = new ArrayList<>();
      for (JsonNode h : LogWriter.node(n, "frontier")) {
        hashes.add(HexFormat.of().parseHex(h.textValue()));
      }
      return new Pruned(size, text(n, "lastAt"), new CompactRange(size, hashes));
    } catch (RuntimeException e) {
      throw new IOException(file.getFileName() + " is malformed: " + e.getMessage(), e);
    }
  }
}
