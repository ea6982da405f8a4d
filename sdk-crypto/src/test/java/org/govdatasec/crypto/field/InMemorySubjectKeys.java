package org.govdatasec.crypto.field;

import com.google.crypto.tink.Aead;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.keys.SubjectKeyProvider;

/**
 * A test double of the subject key vault: one {@link Sm4Gcm} per subject in a map; {@link #destroy}
 * drops the key and remembers the tombstone, so later use fails with {@code GDS-CRYPTO-008}.
 */
final class InMemorySubjectKeys implements SubjectKeyProvider {
  private final Map<String, Sm4Gcm> keys = new ConcurrentHashMap<>();
  private final Set<String> destroyed = ConcurrentHashMap.newKeySet();

  @Override
  public Aead aeadFor(String subjectId) {
    checkNotDestroyed(subjectId);
    return keys.computeIfAbsent(subjectId, s -> Sm4Gcm.create(SecretBytes.random(Sm4Gcm.KEY_BYTES)));
  }

  @Override
  public Aead existingAeadFor(String subjectId) {
    checkNotDestroyed(subjectId);
    Aead a = keys.get(subjectId);
    if (a == null) {
      throw CryptoError.UNKNOWN_KEY_ID.exception("no key for the subject.");
    }
    return a;
  }

  void destroy(String subjectId) {
    destroyed.add(subjectId);
    keys.remove(subjectId);
  }

  Set<String> subjects() {
    return new HashSet<>(keys.keySet());
  }

  private void checkNotDestroyed(String subjectId) {
    if (destroyed.contains(subjectId)) {
      throw CryptoError.KEY_DESTROYED.exception("the subject's key was destroyed.");
    }
  }
}
