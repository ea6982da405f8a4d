package org.govdatasec.core.annotation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a type as the stored form of a record: the shape in which it is written to a database, a file
 * or a queue (ST-2, ST-3).
 *
 * <pre>{@code
 * @StoredForm(Citizen.class)
 * public final class CitizenRow {
 *   @DataSubjectId String citizenNo;
 *   @PersonalInfo(PiCategory.RESIDENT_ID) EncryptedValue idNumber;
 * }
 * }</pre>
 *
 * <p>A JPA {@code @jakarta.persistence.Entity} is a stored type without this annotation. On a stored
 * type, the govdatasec annotation processor refuses ({@code govdatasec:UNPROTECTED_AT_REST}) a field
 * whose level or personal-information categories require encryption at rest under the default policy
 * but that is not declared protected: of type {@code org.govdatasec.crypto.field.EncryptedValue}, or
 * annotated {@code @Convert(converter = ...)} with a converter of {@code org.govdatasec.crypto.jpa}.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface StoredForm {

  /**
   * The record this type stores, for the data catalog; {@code void.class} if it is not said.
   *
   * @return the record class
   */
  Class<?> value() default void.class;
}
