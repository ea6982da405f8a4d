/**
 * A JUnit 5 extension that gives a test masked rows of a source file in its test resources (USE-5):
 * {@link org.govdatasec.masking.junit.MaskedFixture}. Needs {@code junit-jupiter-api} on the test class
 * path (an optional dependency of sdk-masking).
 */
package org.govdatasec.masking.junit;
