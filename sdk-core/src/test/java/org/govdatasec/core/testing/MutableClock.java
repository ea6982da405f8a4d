package org.govdatasec.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that a test sets and moves by hand, for deterministic expiry, retention and checkpoint
 * timing (published in sdk-core's test-jar). {@link #withZone(ZoneId)} returns the same clock.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /**
   * Creates a clock at a moment.
   *
   * @param now the moment
   */
  public MutableClock(Instant now) {
    this.now = now;
  }

  /**
   * Moves the clock (backward for a negative duration).
   *
   * @param d how far
   */
  public void advance(Duration d) {
    now = now.plus(d);
  }

  /**
   * Moves the clock by milliseconds (backward for a negative count).
   *
   * @param ms how many milliseconds
   */
  public void advance(long ms) {
    advance(Duration.ofMillis(ms));
  }

  /**
   * Sets the clock.
   *
   * @param at the moment
   */
  public void set(Instant at) {
    now = at;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
