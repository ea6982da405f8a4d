package org.govdatasec.crypto;

import java.security.NoSuchAlgorithmException;
import org.govdatasec.crypto.internal.Backend;
import org.govdatasec.crypto.internal.BouncyCastleBackend;
import org.govdatasec.crypto.internal.JcaBackend;

/**
 * The cryptographic module that computes SM4, SM3 and SM2 (ST-3).
 *
 * <p>By default Bouncy Castle's lightweight API. An agency that must use a certified module (商用密码产品)
 * registers its JCA provider and chooses it by name, in code ({@link #jca(String)}) or for the whole JVM
 * with the system property {@code govdatasec.crypto.provider=<name>}; every primitive then runs in that
 * module. {@link #describe()} reports which module is active, so an assessor can see it.
 */
public final class CryptoProvider {
  /** The system property that selects the default provider by JCA name. */
  public static final String PROPERTY = "govdatasec.crypto.provider";

  private static final CryptoProvider BOUNCY_CASTLE = new CryptoProvider(BouncyCastleBackend.INSTANCE);
  private static volatile CryptoProvider defaultProvider;

  private final Backend backend;

  private CryptoProvider(Backend backend) {
    this.backend = backend;
  }

  /**
   * Returns the Bouncy Castle provider (lightweight API, no JCA registration needed).
   *
   * @return the provider
   */
  public static CryptoProvider bouncyCastle() {
    return BOUNCY_CASTLE;
  }

  /**
   * Returns a provider backed by a registered JCA provider that serves SM4/GCM/NoPadding, SM3, HmacSM3 and
   * SM3withSM2.
   *
   * @param providerName the JCA provider's name, e.g. {@code "Kona"} or {@code "BC"}
   * @return the provider
   * @throws CryptoException {@code GDS-CRYPTO-015} if it is not registered or lacks an algorithm
   */
  public static CryptoProvider jca(String providerName) {
    if (providerName == null || providerName.isBlank()) {
      throw CryptoError.INVALID_ARGUMENT.exception("no JCA provider name was given.");
    }
    try {
      return new CryptoProvider(JcaBackend.of(providerName));
    } catch (NoSuchAlgorithmException e) {
      throw CryptoError.PROVIDER_UNAVAILABLE.exception(e.getMessage() + ".", e);
    }
  }

  /**
   * Returns the JVM-wide default: the provider named by the system property {@value #PROPERTY}, or Bouncy
   * Castle. Read once, at first use; a named provider that is unusable fails closed (an exception, not
   * a silent fallback).
   *
   * @return the default provider
   * @throws CryptoException {@code GDS-CRYPTO-015} if the named provider is unusable
   */
  public static CryptoProvider defaultProvider() {
    CryptoProvider p = defaultProvider;
    if (p == null) {
      synchronized (CryptoProvider.class) {
        p = defaultProvider;
        if (p == null) {
          String name = System.getProperty(PROPERTY);
          p = name == null || name.isBlank() ? BOUNCY_CASTLE : jca(name.trim());
          defaultProvider = p;
        }
      }
    }
    return p;
  }

  /**
   * Describes the active module, e.g. {@code "BouncyCastle 1.82 (lightweight API)"}.
   *
   * @return the description
   */
  public String describe() {
    return backend.name();
  }

  Backend backend() {
    return backend;
  }

  @Override
  public String toString() {
    return "CryptoProvider[" + describe() + "]";
  }
}
