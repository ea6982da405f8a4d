package org.govdatasec.core.annotation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.govdatasec.core.classification.DataLevel;

/**
 * Classifies a field, a record component or a whole type (CLS-1).
 *
 * <pre>{@code
 * @Classified(value = DataLevel.GENERAL, grade = 2, reason = "公开的办事指南编号")
 * String guideNumber;
 * }</pre>
 *
 * <p>On a type, the classification is a floor for the whole dataset: the type's effective level is the
 * highest of that floor and all its fields (就高从严, CLS-2). {@code grade} is required for
 * {@link DataLevel#GENERAL} (1 to 4) and forbidden for important and core data.
 *
 * <p>Errors: {@code GDS-CLS-001} (grade on important or core data), {@code GDS-CLS-002} (GENERAL without
 * a grade from 1 to 4), {@code GDS-CLS-008} (on a static field).
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, RECORD_COMPONENT, TYPE})
public @interface Classified {

  /**
   * The level.
   *
   * @return the level
   */
  DataLevel value();

  /**
   * The grade inside {@link DataLevel#GENERAL}, 1 (public) to 4; leave at 0 for important and core data.
   *
   * @return the grade
   */
  int grade() default 0;

  /**
   * Why the element has this classification, for example the catalog entry or the provincial guide's
   * clause; shown in the data catalog and in assessments.
   *
   * @return the reason, empty if none was given
   */
  String reason() default "";
}
