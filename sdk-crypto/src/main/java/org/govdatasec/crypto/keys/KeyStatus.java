package org.govdatasec.crypto.keys;

/**
 * The status of a key in a {@link Keyset}, as in Tink (ST-2, DS-2).
 *
 * <ul>
 *   <li>{@link #ENABLED}: decrypts; the primary key, which is always enabled, also encrypts.
 *   <li>{@link #DISABLED}: kept but refused ({@code GDS-CRYPTO-007}); can be enabled again.
 *   <li>{@link #DESTROYED}: the material is zeroed and gone; the id stays so that data under it fails
 *       with "destroyed" ({@code GDS-CRYPTO-008}), never with "unknown key". There is no way back.
 * </ul>
 */
public enum KeyStatus {
  /** The key decrypts (and encrypts if it is the primary). */
  ENABLED,
  /** The key is kept but refuses to decrypt until enabled again. */
  DISABLED,
  /** The key material was zeroed; data under it can never be decrypted again (DS-2). */
  DESTROYED
}
