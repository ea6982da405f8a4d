/**
 * Runnable samples of govdatasec: {@link org.govdatasec.samples.RegistryDemo} walks the citizen registry
 * scenario of {@link org.govdatasec.samples.registry} through the SDK, one step at a time.
 */
package org.govdatasec.samples;
