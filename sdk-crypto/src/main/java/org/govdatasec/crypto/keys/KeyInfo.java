package org.govdatasec.crypto.keys;

import java.util.Objects;

/**
 * What a keyset tells about one of its keys: id, status, whether it is the primary. Never the material.
 *
 * @param keyId the 4-byte key id (shown unsigned, as Tink does)
 * @param status the key's status
 * @param primary whether the key is the keyset's primary (the one that encrypts)
 */
public record KeyInfo(int keyId, KeyStatus status, boolean primary) {

  /**
   * Checks the fields.
   *
   * @param keyId the key id
   * @param status the status
   * @param primary whether it is the primary
   * @throws NullPointerException if the status is null
   */
  public KeyInfo {
    Objects.requireNonNull(status, "status");
  }

  /**
   * Returns the key id as an unsigned decimal number, as the keyset file and Tink write it.
   *
   * @return the unsigned id
   */
  public String keyIdText() {
    return Integer.toUnsignedString(keyId);
  }

  @Override
  public String toString() {
    return "key " + keyIdText() + " " + status + (primary ? " (primary)" : "");
  }
}
