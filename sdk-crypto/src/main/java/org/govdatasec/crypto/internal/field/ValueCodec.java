package org.govdatasec.crypto.internal.field;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a field value into the bytes that are encrypted, and back. The built-in codecs write text
 * (UTF-8) in the type's canonical form ({@code LocalDate} as ISO-8601, numbers as decimal digits), raw
 * bytes for {@code byte[]}, and an enum constant's name.
 *
 * @param type the value type
 * @param encode value to bytes
 * @param decode bytes to value; may throw on bytes it cannot read
 */
public record ValueCodec(Class<?> type, Function<Object, byte[]> encode, Function<byte[], Object> decode) {

  private static final Map<Class<?>, ValueCodec> BUILT_IN = Map.ofEntries(
      text(String.class, s -> s, s -> s),
      Map.entry(byte[].class, new ValueCodec(byte[].class, b -> ((byte[]) b).clone(), b -> b)),
      text(LocalDate.class, Object::toString, LocalDate::parse),
      text(LocalDateTime.class, Object::toString, LocalDateTime::parse),
      text(LocalTime.class, Object::toString, LocalTime::parse),
      text(Instant.class, Object::toString, Instant::parse),
      text(Integer.class, Object::toString, Integer::valueOf),
      text(Long.class, Object::toString, Long::valueOf),
      text(Short.class, Object::toString, Short::valueOf),
      text(BigInteger.class, Object::toString, BigInteger::new),
      text(BigDecimal.class, Object::toString, BigDecimal::new),
      text(Boolean.class, Object::toString, ValueCodec::parseBoolean),
      text(Character.class, Object::toString, s -> {
        if (s.length() != 1) {
          throw new IllegalArgumentException("not one character");
        }
        return s.charAt(0);
      }));

  private static Boolean parseBoolean(String s) {
    if (s.equals("true") || s.equals("false")) {
      return Boolean.valueOf(s);
    }
    throw new IllegalArgumentException("not a boolean");
  }

  private static <T> Map.Entry<Class<?>, ValueCodec> text(Class<T> type, Function<T, String> toText,
      Function<String, T> fromText) {
    return Map.entry(type, ofText(type, toText, fromText));
  }

  /**
   * Creates a codec that writes the value as UTF-8 text.
   *
   * @param <T> the value type
   * @param type the value type
   * @param toText value to text, never null for a non-null value
   * @param fromText text to value
   * @return the codec
   */
  public static <T> ValueCodec ofText(Class<T> type, Function<T, String> toText, Function<String, T> fromText) {
    return new ValueCodec(type, v -> Encoding.utf8(toText.apply(type.cast(v)), "the value of a " + type.getSimpleName()),
        b -> fromText.apply(new String(b, StandardCharsets.UTF_8)));
  }

  /**
   * Finds the built-in codec of a type (primitives as their boxes; every enum by constant name).
   *
   * @param type the type
   * @return the codec, if the type has one
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Optional<ValueCodec> builtIn(Class<?> type) {
    Class<?> t = box(type);
    ValueCodec c = BUILT_IN.get(t);
    if (c != null) {
      return Optional.of(c);
    }
    if (t.isEnum()) {
      Class<? extends Enum> e = (Class<? extends Enum>) t;
      return Optional.of(ofText((Class<Enum>) e, Enum::name, s -> Enum.valueOf(e, s)));
    }
    return Optional.empty();
  }

  /**
   * Returns the box of a primitive type, or the type itself.
   *
   * @param type the type
   * @return the reference type
   */
  public static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == short.class) {
      return Short.class;
    }
    if (type == char.class) {
      return Character.class;
    }
    return type;
  }
}
