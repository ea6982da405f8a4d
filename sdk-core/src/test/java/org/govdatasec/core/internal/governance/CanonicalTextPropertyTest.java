package org.govdatasec.core.internal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The canonical key=value encoding of tickets and certificates round-trips any text and rejects the rest. */
class CanonicalTextPropertyTest {

  @Property(tries = 300, seed = "8998")
  @Label("USE-1, DS-1: any values, control characters and backslashes included, round-trip exactly")
  void roundTrip(@ForAll @Size(max = 5) List<String> values, @ForAll String single) {
    String text = CanonicalText.writer().put("one", single).putAll("many", values).text();
    CanonicalText.Entries e = CanonicalText.parse(text);
    assertEquals(single, e.one("one"));
    assertEquals(values, e.all("many"));
    assertEquals(text, CanonicalText.writer().put("one", e.one("one")).putAll("many", e.all("many")).text());
  }

  @Test
  void rejectsMalformedText() {
    for (String bad : List.of("novalue\n", "=x\n", "Key=x\n", "k=x", "k=\\t\n", "k=\\\n", "k=a\rb\n")) {
      assertThrows(IllegalArgumentException.class, () -> CanonicalText.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> CanonicalText.parse("k=1\nk=2\n").one("k"));
  }
}
