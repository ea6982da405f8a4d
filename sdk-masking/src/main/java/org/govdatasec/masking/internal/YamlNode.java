package org.govdatasec.masking.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govdatasec.masking.MaskError;

/**
 * A YAML value with the line and column it starts at, so spec errors point at the right place.
 *
 * @param value a {@code String} (scalars, {@code null} for YAML null), a {@code Map<String, YamlNode>}
 *     (in document order) or a {@code List<YamlNode>}
 * @param file the file name
 * @param line 1-based line
 * @param column 1-based column
 */
public record YamlNode(Object value, String file, int line, int column) {

  /**
   * Parses a YAML document.
   *
   * @param text the document
   * @param file the file name for errors
   * @return the root node
   * @throws org.govdatasec.masking.MaskingException {@code GDS-MASK-010} for malformed YAML or duplicate keys
   */
  public static YamlNode parse(String text, String file) {
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      if (p.nextToken() == null) {
        throw MaskError.SPEC_INVALID.at("the spec is empty.", file + ":1:1");
      }
      return read(p, file);
    } catch (StreamReadException e) {
      JsonLocation l = e.getLocation();
      throw MaskError.SPEC_INVALID.at("the spec is not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""),
          file + ":" + (l == null ? 1 : l.getLineNr()) + ":" + (l == null ? 1 : l.getColumnNr()));
    } catch (IOException e) {
      throw MaskError.SPEC_INVALID.exception("the spec " + file + " cannot be read.", e);
    }
  }

  private static YamlNode read(JsonParser p, String file) throws IOException {
    JsonLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int col = l.getColumnNr();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, YamlNode> map = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonLocation kl = p.currentTokenLocation();
        p.nextToken();
        if (map.put(name, read(p, file)) != null) {
          throw MaskError.SPEC_INVALID.at("the key '" + name + "' appears twice.", file + ":" + kl.getLineNr() + ":" + kl.getColumnNr());
        }
      }
      return new YamlNode(Collections.unmodifiableMap(map), file, line, col);
    }
    if (t == JsonToken.START_ARRAY) {
      List<YamlNode> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        list.add(read(p, file));
      }
      return new YamlNode(Collections.unmodifiableList(list), file, line, col);
    }
    return new YamlNode(t == JsonToken.VALUE_NULL ? null : p.getText(), file, line, col);
  }

  /**
   * Returns where this node starts.
   *
   * @return {@code file:line:column}
   */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  /**
   * Returns the node as a map.
   *
   * @param what what the node should be, for the error
   * @return the map
   * @throws org.govdatasec.masking.MaskingException {@code GDS-MASK-010} if it is not a map
   */
  @SuppressWarnings("unchecked")
  public Map<String, YamlNode> map(String what) {
    if (!(value instanceof Map)) {
      throw MaskError.SPEC_INVALID.at(what + " must be a mapping of keys to values.", location());
    }
    return (Map<String, YamlNode>) value;
  }

  /**
   * Returns the node as a list.
   *
   * @param what what the node should be, for the error
   * @return the list
   * @throws org.govdatasec.masking.MaskingException {@code GDS-MASK-010} if it is not a list
   */
  @SuppressWarnings("unchecked")
  public List<YamlNode> list(String what) {
    if (!(value instanceof List)) {
      throw MaskError.SPEC_INVALID.at(what + " must be a list.", location());
    }
    return (List<YamlNode>) value;
  }

  /**
   * Returns the node as text.
   *
   * @param what what the node should be, for the error
   * @return the text
   * @throws org.govdatasec.masking.MaskingException {@code GDS-MASK-010} if it is not a scalar
   */
  public String text(String what) {
    if (!(value instanceof String)) {
      throw MaskError.SPEC_INVALID.at(what + " must be a single value.", location());
    }
    return (String) value;
  }
}
