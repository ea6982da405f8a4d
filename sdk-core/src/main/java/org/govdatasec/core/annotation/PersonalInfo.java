package org.govdatasec.core.annotation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Sensitivity;

/**
 * Marks a field or record component as personal information of the given categories (CLS-1, PI-5).
 *
 * <pre>{@code
 * @PersonalInfo(PiCategory.RESIDENT_ID)
 * String idNumber;
 *
 * @PersonalInfo(value = {PiCategory.HEALTH, PiCategory.MINORS})
 * String vaccinationNotes;
 * }</pre>
 *
 * <p>A field is sensitive personal information if any category is sensitive by default, unless
 * {@link #sensitivity()} says otherwise. Personal information sets a floor under the field's level
 * (see the policy), and its categories drive consent, masking and the other controls.
 *
 * <p>Errors: {@code GDS-CLS-003} (two identifier categories of a person), {@code GDS-CLS-004} (an organisation code
 * with personal categories), {@code GDS-CLS-005} (no or repeated categories), {@code GDS-CLS-006}
 * (declaring a PIPL art. 28 category not sensitive), {@code GDS-CLS-008} (on a static field).
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, RECORD_COMPONENT})
public @interface PersonalInfo {

  /**
   * The categories: at most one {@linkplain PiCategory.Kind#IDENTIFIER identifier} and any number of
   * attributes.
   *
   * @return the categories, at least one
   */
  PiCategory[] value();

  /**
   * Overrides the categories' default sensitivity.
   *
   * @return the declared sensitivity
   */
  Sensitivity sensitivity() default Sensitivity.DEFAULT;
}
