package org.govdatasec.crypto.keys;

import com.google.crypto.tink.Aead;
import java.util.Map;
import org.govdatasec.crypto.CryptoError;

/** A KEK without parameters: any Tink AEAD, or a master-key file. */
final class FixedKek implements KeyEncryptionKey {
  private final String kind;
  private final Aead aead;

  FixedKek(String kind, Aead aead) {
    this.kind = kind;
    this.aead = aead;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Map<String, String> newParameters() {
    return Map.of();
  }

  @Override
  public Aead aead(Map<String, String> parameters) {
    if (parameters != null && !parameters.isEmpty()) {
      throw CryptoError.UNWRAP_FAILED.exception("the stored key-encryption key parameters " + parameters.keySet()
          + " do not belong to a " + kind + " key-encryption key.");
    }
    return aead;
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[" + kind + "]";
  }
}
