package org.govdatasec.samples.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.core.policy.SystemProfile;

/**
 * The citizen registry system of the Nanning big-data bureau: its profile, its data types and its
 * policies.
 *
 * <p>The number of data subjects is live: the profile reads it through the
 * {@link org.govdatasec.core.policy.SubjectCounter} port on every assessment, so a demo step can let the
 * registry grow ({@link #registerSubjects(long)}) and watch the high-risk controls switch on (CLS-3). In
 * a production system the counter is the subject key vault of sdk-crypto.
 *
 * <p>Not thread-safe for changing the count while another thread assesses; the demo is single-threaded.
 */
public final class RegistryScenario {

  /** The system's name, as in the bureau's catalog of government information systems. */
  public static final String SYSTEM_NAME = "市民信息登记系统";

  /** The unit that owns the system and answers for its data. */
  public static final String OWNER = "南宁市大数据发展局";

  /** Data subjects while the registry runs as a pilot in three districts. */
  public static final long PILOT_SUBJECTS = 800_000L;

  /** Data subjects once the registry covers the whole city. */
  public static final long CITY_WIDE_SUBJECTS = 1_200_000L;

  /** The classpath resource holding the bureau's overrides of the default policy. */
  public static final String POLICY_RESOURCE = "/govdatasec-policy.properties";

  private static final List<Class<?>> DATA_TYPES = List.of(
      Citizen.class, Household.class, Application.class, ServiceAppointment.class, DistrictStatistics.class);

  private final AtomicLong subjects = new AtomicLong(PILOT_SUBJECTS);
  private final SystemProfile system =
      SystemProfile.builder().name(SYSTEM_NAME).owner(OWNER).subjectCounter(subjects::get).build();

  /** Creates the scenario with the pilot's {@value #PILOT_SUBJECTS} data subjects. */
  public RegistryScenario() {}

  /**
   * Returns the system profile, whose subject count follows {@link #registerSubjects(long)}.
   *
   * @return the profile
   */
  public SystemProfile system() {
    return system;
  }

  /**
   * Returns the current number of data subjects.
   *
   * @return the count
   */
  public long subjects() {
    return subjects.get();
  }

  /**
   * Sets how many data subjects the registry holds from now on.
   *
   * @param count the number of data subjects, 0 or more
   * @throws IllegalArgumentException if the count is negative
   */
  public void registerSubjects(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a registry cannot hold " + count + " subjects");
    }
    subjects.set(count);
  }

  /**
   * Returns the annotated data types of the registry, in catalog order.
   *
   * @return Citizen, Household, Application, ServiceAppointment and DistrictStatistics
   */
  public List<Class<?>> dataTypes() {
    return DATA_TYPES;
  }

  /**
   * Returns a policy engine for this system under a policy.
   *
   * @param policy the policy, for example {@link ControlPolicy#defaults()} or {@link #agencyPolicy()}
   * @return the engine
   */
  public PolicyEngine engine(ControlPolicy policy) {
    return PolicyEngine.builder().policy(policy).system(system).build();
  }

  /**
   * Reads the bureau's policy overrides from the classpath resource {@value #POLICY_RESOURCE}, as UTF-8.
   *
   * @return the properties, in no particular order
   * @throws IllegalStateException if the resource is missing
   * @throws UncheckedIOException if it cannot be read
   */
  public static Properties agencyPolicyProperties() {
    Properties properties = new Properties();
    try (InputStream in = RegistryScenario.class.getResourceAsStream(POLICY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the policy resource " + POLICY_RESOURCE + " is not on the classpath");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POLICY_RESOURCE, e);
    }
    return properties;
  }

  /**
   * Builds the bureau's policy: the defaults with the overrides of {@value #POLICY_RESOURCE}. Building it
   * logs each waiver at WARNING on {@code System.Logger} {@code org.govdatasec.policy}.
   *
   * @return the agency policy
   * @throws org.govdatasec.core.policy.PolicyException if the overrides are invalid, for example a mandatory
   *     control removed without a waiver
   */
  public static ControlPolicy agencyPolicy() {
    return ControlPolicy.fromProperties(agencyPolicyProperties());
  }
}
