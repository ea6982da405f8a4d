/**
 * Jakarta Persistence integration (ST-2, PI-5): an {@code AttributeConverter} that stores a {@code String}
 * attribute encrypted, with a process-wide {@link org.govdatasec.crypto.field.FieldCipher} registered in
 * {@link org.govdatasec.crypto.jpa.GovDataSecJpa}. {@code jakarta.persistence-api} is an optional
 * dependency of sdk-crypto: add it (or a JPA provider) to use this package.
 */
package org.govdatasec.crypto.jpa;
