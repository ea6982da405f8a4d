package org.govdatasec.core.policy;

import java.util.Objects;

/**
 * The government information system (政务信息系统) a policy engine serves: its name, the unit that owns
 * it, and how many data subjects it holds (CLS-3, CLS-4).
 *
 * <pre>{@code
 * SystemProfile registry = SystemProfile.builder()
 *     .name("市民信息登记系统").owner("南宁市数据局")
 *     .subjectCounter(vault::subjectCount)
 *     .build();
 * }</pre>
 *
 * @param name the system's name, as in the unit's catalog
 * @param owner the unit that owns the system and answers for its data (谁使用谁负责)
 * @param subjectCounter where the number of data subjects comes from
 */
public record SystemProfile(String name, String owner, SubjectCounter subjectCounter) {

  /**
   * Validates the profile.
   *
   * @param name the system's name, as in the unit's catalog
   * @param owner the unit that owns the system and answers for its data (谁使用谁负责)
   * @param subjectCounter where the number of data subjects comes from
   * @throws PolicyException {@code GDS-POL-011} if the name or owner is blank
   */
  public SystemProfile {
    if (name == null || name.isBlank() || owner == null || owner.isBlank()) {
      throw new PolicyException(PolicyError.BAD_SYSTEM_PROFILE, "the system profile has no name or no owner.", null);
    }
    Objects.requireNonNull(subjectCounter, "subjectCounter");
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the current number of data subjects.
   *
   * @return the count
   * @throws PolicyException {@code GDS-POL-007} if the counter fails or reports a negative count; the
   *     engine then fails closed rather than assume a small system
   */
  public long subjects() {
    long n;
    try {
      n = subjectCounter.subjects();
    } catch (RuntimeException e) {
      throw new PolicyException(PolicyError.BAD_SUBJECT_COUNT,
          "the subject counter of system '" + name + "' failed (" + e.getClass().getSimpleName() + ").", null, e);
    }
    if (n < 0) {
      throw new PolicyException(PolicyError.BAD_SUBJECT_COUNT,
          "the subject counter of system '" + name + "' reported " + n + " subjects.", null);
    }
    return n;
  }

  /** Builds a {@link SystemProfile}. */
  public static final class Builder {
    private String name;
    private String owner;
    private SubjectCounter counter = () -> 0L;

    private Builder() {}

    /**
     * Sets the system's name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the owning unit.
     *
     * @param owner the unit
     * @return this builder
     */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /**
     * Sets a fixed number of data subjects.
     *
     * @param subjects the count, 0 or more
     * @return this builder
     * @throws PolicyException {@code GDS-POL-007} if the count is negative
     */
    public Builder subjects(long subjects) {
      if (subjects < 0) {
        throw new PolicyException(PolicyError.BAD_SUBJECT_COUNT, "a system cannot hold " + subjects + " subjects.",
            null);
      }
      this.counter = () -> subjects;
      return this;
    }

    /**
     * Sets a live source of the number of data subjects.
     *
     * @param counter the source
     * @return this builder
     */
    public Builder subjectCounter(SubjectCounter counter) {
      this.counter = Objects.requireNonNull(counter, "counter");
      return this;
    }

    /**
     * Validates and builds the profile.
     *
     * @return the profile
     * @throws PolicyException {@code GDS-POL-011} if the name or owner is missing
     */
    public SystemProfile build() {
      return new SystemProfile(name, owner, counter);
    }
  }
}
