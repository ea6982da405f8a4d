package org.govdatasec.audit.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.audit.Parties;
import org.govdatasec.core.classification.Classification;
import org.govdatasec.core.classification.PiCategory;

/**
 * The canonical JSON encoding of an {@link AuditEvent}: UTF-8, fixed field order, no insignificant
 * whitespace, absent values omitted, control characters escaped by JSON. See docs/audit.md.
 */
public final class EventCodec {
  /** Shared factory: strict duplicate detection when reading. */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

  private EventCodec() {}

  /**
   * Encodes an event canonically.
   *
   * @param e the event
   * @return the UTF-8 bytes
   */
  public static byte[] encode(AuditEvent e) {
    ByteArrayBuilder out = new ByteArrayBuilder(512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("id", e.id());
      g.writeStringField("time", e.time().toString());
      g.writeStringField("action", e.action().name());
      g.writeObjectFieldStart("actor");
      g.writeStringField("user", e.actor().user());
      opt(g, "role", e.actor().role());
      opt(g, "organisation", e.actor().organisation());
      opt(g, "system", e.actor().system());
      g.writeEndObject();
      DataObject o = e.object();
      if (o != null) {
        g.writeObjectFieldStart("object");
        opt(g, "system", o.system());
        opt(g, "dataset", o.dataset());
        if (!o.recordIds().isEmpty()) {
          array(g, "recordIds", o.recordIds());
        }
        g.writeNumberField("recordCount", o.recordCount());
        if (!o.fields().isEmpty()) {
          array(g, "fields", o.fields());
        }
        g.writeEndObject();
      }
      if (e.level() != null) {
        g.writeStringField("level", e.level().toString());
      }
      if (!e.categories().isEmpty()) {
        g.writeArrayFieldStart("categories");
        for (PiCategory c : e.categories()) {
          g.writeString(c.name());
        }
        g.writeEndArray();
      }
      opt(g, "purpose", e.purpose());
      opt(g, "legalBasis", e.legalBasis());
      opt(g, "consentId", e.consentId());
      opt(g, "approvalTicket", e.approvalTicket());
      opt(g, "provider", e.parties().provider());
      opt(g, "transferor", e.parties().transferor());
      opt(g, "recipient", e.parties().recipient());
      opt(g, "sourceAddress", e.sourceAddress());
      g.writeObjectFieldStart("outcome");
      g.writeStringField("status", e.outcome().status().name());
      opt(g, "reason", e.outcome().reason());
      g.writeEndObject();
      opt(g, "traceId", e.traceId());
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  private static void opt(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void array(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /**
   * Decodes an event from its JSON tree.
   *
   * @param n the event object
   * @return the event
   * @throws IllegalArgumentException if the tree is not an event
   */
  public static AuditEvent decode(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("event is not a JSON object");
    }
    JsonNode a = n.get("actor");
    if (a == null) {
      throw new IllegalArgumentException("event has no actor");
    }
    Actor actor = new Actor(text(a, "user"), text(a, "role"), text(a, "organisation"), text(a, "system"));
    DataObject object = null;
    JsonNode o = n.get("object");
    if (o != null) {
      object = new DataObject(text(o, "system"), text(o, "dataset"), strings(o.get("recordIds")),
          o.path("recordCount").asLong(0), strings(o.get("fields")));
    }
    List<PiCategory> cats = new ArrayList<>();
    for (String c : strings(n.get("categories"))) {
      cats.add(PiCategory.valueOf(c));
    }
    JsonNode oc = n.get("outcome");
    if (oc == null) {
      throw new IllegalArgumentException("event has no outcome");
    }
    Outcome outcome = new Outcome(Outcome.Status.valueOf(text(oc, "status")), text(oc, "reason"));
    String level = text(n, "level");
    return new AuditEvent(text(n, "id"), Instant.parse(text(n, "time")), actor, Action.valueOf(text(n, "action")),
        object, level == null ? null : Classification.parse(level), cats, text(n, "purpose"), text(n, "legalBasis"),
        text(n, "consentId"), text(n, "approvalTicket"),
        new Parties(text(n, "provider"), text(n, "transferor"), text(n, "recipient")), text(n, "sourceAddress"),
        outcome, text(n, "traceId"));
  }

  /**
   * Decodes an event from its canonical bytes.
   *
   * @param bytes the JSON bytes
   * @return the event
   * @throws IllegalArgumentException if they are not an event
   */
  public static AuditEvent decode(byte[] bytes) {
    try {
      return decode(MAPPER.readTree(bytes));
    } catch (IOException ex) {
      throw new IllegalArgumentException("not JSON: " + ex.getMessage(), ex);
    }
  }

  /**
   * Parses a JSON document into a tree.
   *
   * @param bytes the bytes
   * @param off offset
   * @param len length
   * @return the tree
   * @throws IOException if it is not JSON
   */
  public static JsonNode tree(byte[] bytes, int off, int len) throws IOException {
    return MAPPER.readTree(bytes, off, len);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field " + field + " is not a string");
    }
    return v.textValue();
  }

  private static List<String> strings(JsonNode n) {
    if (n == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      out.add(it.next().textValue());
    }
    return out;
  }
}
