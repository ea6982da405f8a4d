/**
 * The agency scenario the samples run: the citizen registry (市民信息登记系统) of a city data bureau.
 *
 * <p>It holds the annotated domain records ({@link org.govdatasec.samples.registry.Citizen},
 * {@link org.govdatasec.samples.registry.Household}, {@link org.govdatasec.samples.registry.Application},
 * {@link org.govdatasec.samples.registry.ServiceAppointment},
 * {@link org.govdatasec.samples.registry.DistrictStatistics}), the system and its policy
 * ({@link org.govdatasec.samples.registry.RegistryScenario}) and simulated sample data
 * ({@link org.govdatasec.samples.registry.SampleData}). Printing lives elsewhere
 * ({@code org.govdatasec.samples.RegistryDemo}), so that each new demo step reuses the same scenario.
 */
package org.govdatasec.samples.registry;
