package org.govdatasec.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.govdatasec.audit.internal.EventCodec;
import org.govdatasec.audit.internal.JsonCheck;
import org.govdatasec.audit.internal.LogFiles;

/**
 * AU-2: the verifier's fast JSON check never accepts what the strict Jackson check rejects, and accepts
 * every canonical event (so the fast path is the one taken).
 */
class JsonCheckTest {

  /** The strict check the fast one stands in front of: one object, strict duplicate detection. */
  static boolean jacksonAccepts(byte[] b) {
    try (JsonParser p = EventCodec.FACTORY.createParser(b, 0, b.length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean fast(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return JsonCheck.surelyValidObject(b, 0, b.length);
  }

  @Property(seed = "424242", tries = 200)
  @Label("AU-2: every canonical event takes the fast path")
  void canonicalEventsAreAccepted(@ForAll @IntRange(min = 0, max = 10_000) int i) {
    byte[] b = EventCodec.encode(TestLogs.event(i));
    assertTrue(JsonCheck.surelyValidObject(b, 0, b.length), new String(b, StandardCharsets.UTF_8));
    assertTrue(jacksonAccepts(b));
  }

  @Provide
  Arbitrary<byte[]> pieces() {
    return Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\ud800", "\\u00e9", "\\n", "\\x",
        "0", "01", "-", "1.", "1e", "1.5e+3", ".", "e", "true", "tru", "null", "nul", "false", " ", "\t", "\u0001",
        "\"id\":\"a\"", "\"a\":1", "\"a\":2", "\"\\u0061\":3", "民", "")
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  @Property(seed = "8675309", tries = 1500)
  @Label("AU-2: a mutated event is accepted by the fast check only if Jackson accepts it")
  void neverLooserThanJackson(@ForAll @IntRange(min = 0, max = 50) int event, @ForAll("pieces") byte[] piece,
      @ForAll @IntRange(min = 0, max = 1000) int at, @ForAll @IntRange(min = 0, max = 3) int cut) {
    byte[] e = EventCodec.encode(TestLogs.event(event));
    int p = at % (e.length + 1);
    int c = Math.min(cut, e.length - p);
    byte[] m = new byte[e.length - c + piece.length];
    System.arraycopy(e, 0, m, 0, p);
    System.arraycopy(piece, 0, m, p, piece.length);
    System.arraycopy(e, p + c, m, p + piece.length, e.length - p - c);
    Assume.that(LogFiles.invalidUtf8(m, 0, m.length) < 0);
    if (JsonCheck.surelyValidObject(m, 0, m.length)) {
      assertTrue(jacksonAccepts(m), new String(m, StandardCharsets.UTF_8));
    }
  }

  @Property(seed = "31337", tries = 300)
  @Label("AU-2: an object member repeated anywhere in an event is never accepted by the fast check")
  void duplicateNamesAreNotAccepted(@ForAll @IntRange(min = 0, max = 50) int event,
      @ForAll @IntRange(min = 0, max = 1000) int which) {
    String s = new String(EventCodec.encode(TestLogs.event(event)), StandardCharsets.UTF_8);
    // Repeat one member of the top-level object right after the opening brace.
    String[] names = {"id", "time", "action", "actor", "object", "level", "categories", "purpose", "outcome"};
    String name = names[which % names.length];
    String dup = "{\"" + name + "\":0," + s.substring(1);
    assertFalse(fast(dup), dup);
    assertFalse(jacksonAccepts(dup.getBytes(StandardCharsets.UTF_8)), dup);
  }

  @Property(seed = "5150", tries = 1000)
  @Label("AU-2: the eight-bytes-at-once string scan flags exactly the quote, backslash and control bytes")
  void specialBytes(@ForAll("specialish") byte[] eight) {
    long v = 0;
    boolean any = false;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (eight[i] & 0xff);
      int c = eight[i] & 0xff;
      any |= c == '"' || c == '\\' || c < 0x20;
    }
    assertTrue(any == (JsonCheck.special(v) != 0), Arrays.toString(eight));
  }

  @Provide
  Arbitrary<byte[]> specialish() {
    Arbitrary<Byte> bytes = Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) '"', (byte) '\\',
        (byte) 0x1f, (byte) 0x20, (byte) 0x21, (byte) 0x5b, (byte) 0x5d, (byte) 0x00, (byte) 0x80, (byte) 0xa2,
        (byte) 0xdc, (byte) 'a'));
    return bytes.array(byte[].class).ofSize(8);
  }

  @Example
  @Label("AU-2: the fast check's known answers")
  void knownAnswers() {
    for (String ok : new String[] {"{}", "{\"a\":[]}", "{\"a\":{\"a\":1}}", "{\"a\":-0.5E-7,\"b\":[true,false,null]}",
        "{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"}", "{\"民\":\"政\"}"}) {
      assertTrue(fast(ok), ok);
      assertTrue(jacksonAccepts(ok.getBytes(StandardCharsets.UTF_8)), ok);
    }
    // Invalid, or valid but outside the fast subset: never accepted here (Jackson decides).
    for (String no : new String[] {"", "[]", "{", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":\"\t\"}",
        "{\"a\":1} ", "{ \"a\":1}", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\\ud800\"}", "{\"a\":tru}", "{\"a\":nulls}", "{\"a\":-}", "{a:1}", "{\"a\" :1}"}) {
      assertFalse(fast(no), no);
    }
    char[] deep = new char[200];
    Arrays.fill(deep, 0, 100, '[');
    Arrays.fill(deep, 100, 200, ']');
    assertFalse(fast("{\"a\":" + new String(deep) + "}"), "nesting deeper than the fast limit");
    assertTrue(jacksonAccepts(("{\"a\":" + new String(deep) + "}").getBytes(StandardCharsets.UTF_8)));
    assertFalse(fast("{\"a\":1" + "0".repeat(200) + "}"), "a very long number");
  }
}
