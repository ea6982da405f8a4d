package org.govdatasec.masking.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects the masked rows of a source file into a test (USE-5): a parameter or field of type
 * {@code List<Map<String, String>>}, one map per row (column to masked value, in column order).
 *
 * <pre>{@code
 * @Test
 * void registers(@MaskedFixture(source = "citizens.csv", spec = "mask-spec.yaml") List<Map<String, String>> rows) {
 *   ...
 * }
 * }</pre>
 *
 * <p>The source and spec are test class path resources in the same folder. The key is the resource
 * {@link #key()} (64 hex digits) when given, else the built-in public test key
 * {@link MaskedFixtureExtension#TEST_KEY_HEX}: never use it for real data. The run applies the whole spec
 * (leak scan and k check included) in a temporary folder, which is deleted afterwards.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@ExtendWith(MaskedFixtureExtension.class)
public @interface MaskedFixture {
  /**
   * The source file: a test resource named in the spec.
   *
   * @return the resource path, e.g. {@code fixtures/citizens.csv}
   */
  String source();

  /**
   * The mask spec: a test resource.
   *
   * @return the resource path
   */
  String spec();

  /**
   * A resource holding the masking key (64 hex digits or base64); empty for the built-in test key.
   *
   * @return the resource path or empty
   */
  String key() default "";
}
