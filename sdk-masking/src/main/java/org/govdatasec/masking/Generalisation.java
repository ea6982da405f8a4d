package org.govdatasec.masking;

/**
 * How far {@link Strategy#GENERALISE} coarsens a value.
 */
public enum Generalisation {
  /** A date to its year ({@code 1982}). */
  YEAR,
  /** A date to its decade ({@code 1980-1989}). */
  DECADE,
  /** A birth date to an age band at a reference date ({@code 40-49}). */
  AGE_BAND,
  /** An address to its province; an ID number to its province code. */
  PROVINCE,
  /** An address to its city; an ID number to its city code. */
  CITY,
  /** An address to its district or county; an ID number to its county code. */
  DISTRICT,
  /** A number to a bucket {@code [lower,upper)} of a configured width. */
  BUCKET,
  /** An IPv4 address to its /24, an IPv6 address to its /48. */
  SUBNET,
  /** A mobile number to its 3-digit operator prefix. */
  PREFIX
}
