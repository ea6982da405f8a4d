/**
 * Implementation of sdk-masking: CSV and JSON Lines streaming, format generators, the leak scan and the
 * k-anonymity counter. Not an API: it may change in any release.
 */
package org.govdatasec.masking.internal;
