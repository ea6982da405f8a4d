package org.govdatasec.core.annotation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the field that identifies the natural person a record is about (the data subject).
 *
 * <p>Consent checks (PI-2), per-subject encryption keys and their destruction (DS-2) find the subject
 * through this field, so every type holding personal information needs exactly one. It may be a
 * personal identifier (a resident ID number) or a surrogate key (a citizen number).
 *
 * <p>Errors: {@code GDS-CLS-007} (on more than one field of a type), {@code GDS-CLS-010} (on a
 * collection, array or map).
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, RECORD_COMPONENT})
public @interface DataSubjectId {}
