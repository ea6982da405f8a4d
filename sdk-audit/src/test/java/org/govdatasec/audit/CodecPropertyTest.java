package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.govdatasec.audit.internal.EventCodec;
import org.govdatasec.audit.internal.LogFiles;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;

/** AU-1, AU-2: any text round-trips through the canonical JSON and never breaks the line structure. */
class CodecPropertyTest {

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80)
        .filter(s -> !s.isBlank())
        .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
  }

  @Property(seed = "20240101", tries = 300)
  @Label("AU-1: canonical encoding is a function of the event, decodes back, has no raw newline")
  void roundTrip(@ForAll("texts") String user, @ForAll("texts") String purpose, @ForAll("texts") String reason,
      @ForAll @LongRange(min = 0, max = 1_000_000) long count, @ForAll Action action) {
    AuditEvent e = AuditEvent.builder(action, new Actor(user, null, purpose, null)).id("p-1")
        .time(Instant.ofEpochSecond(1_700_000_000L, count)).object(DataObject.bulk(user, purpose, count))
        .purpose(purpose).outcome(Outcome.failed(reason)).build();
    byte[] json = EventCodec.encode(e);
    assertEquals(-1, LogFiles.invalidUtf8(json, 0, json.length));
    for (byte b : json) {
      assertTrue(b != '\n' && b != '\r', "raw line break in the encoding");
    }
    assertEquals(e, EventCodec.decode(json));
    assertEquals(new String(json, StandardCharsets.UTF_8), new String(EventCodec.encode(EventCodec.decode(json)),
        StandardCharsets.UTF_8), "re-encoding is byte-identical");
  }

  @Property(seed = "77", tries = 200)
  @Label("AU-2: the UTF-8 check agrees with the JDK's strict decoder")
  void utf8Check(@ForAll byte[] bytes) {
    boolean jdk;
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
      jdk = true;
    } catch (java.nio.charset.CharacterCodingException ex) {
      jdk = false;
    }
    assertEquals(jdk, LogFiles.invalidUtf8(bytes, 0, bytes.length) < 0, () -> java.util.HexFormat.of().formatHex(bytes));
  }

  @Property(seed = "5", tries = 50)
  @Label("AU-2: a line built by the writer parses back to its parts and its stored leaf is the entry's")
  void lineLayout(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seq,
      @ForAll @LongRange(min = 0, max = 100_000) long clockBack) {
    byte[] event = EventCodec.encode(TestLogs.event(1));
    LogFiles.Buffer buf = new LogFiles.Buffer(64);
    byte[] at = LogFiles.formatAt(1_700_000_000_000L).getBytes(StandardCharsets.US_ASCII);
    byte[] leaf = LogFiles.appendLine(buf, seq, at, clockBack, event);
    LogFiles.Line line = new LogFiles.Line();
    assertEquals(null, LogFiles.parseLine(buf.array(), 0, buf.size() - 1, line));
    assertEquals(seq, line.seq);
    assertEquals(clockBack, line.clockBack);
    assertTrue(java.util.Arrays.equals(leaf, LogFiles.storedLeaf(buf.array(), line)));
    assertTrue(java.util.Arrays.equals(leaf, LogFiles.leafOf(buf.array(), 0, line)));
    assertEquals(event.length, line.eventLen);
  }
}
