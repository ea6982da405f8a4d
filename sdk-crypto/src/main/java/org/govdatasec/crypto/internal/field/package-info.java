/**
 * Implementation of field protection (ST-2, PI-5): the associated-data encoding, the text form of
 * encrypted values, value codecs and the per-type protection plans behind
 * {@code org.govdatasec.crypto.field}. Not an API: these classes may change in any release.
 */
package org.govdatasec.crypto.internal.field;
