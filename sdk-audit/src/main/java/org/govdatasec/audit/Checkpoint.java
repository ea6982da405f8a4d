package org.govdatasec.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.govdatasec.crypto.Sm2Verifier;

/**
 * A signed checkpoint of the audit log (AU-2): the log named {@code origin} had {@code size} events whose
 * Merkle root was {@code root} at time {@code at}, signed with SM2 by the log's key.
 *
 * <p>The signed message is the UTF-8 text of {@link #signedMessage()}:
 * <pre>
 * govdatasec-audit-checkpoint/v1
 * &lt;origin&gt;
 * &lt;size&gt;
 * &lt;root, 64 lower-case hex digits&gt;
 * &lt;at, ISO-8601 UTC with milliseconds&gt;
 * </pre>
 * each line ending with {@code \n}. Anyone with the public key can check it.
 *
 * @param origin the log's name
 * @param size the number of events covered
 * @param rootHex the Merkle root of those events, lower-case hex
 * @param at when the checkpoint was made (log clock)
 * @param signature the DER SM2 signature of {@link #signedMessage()}, base64
 */
public record Checkpoint(String origin, long size, String rootHex, String at, String signature) {

  /** The first line of every signed checkpoint message. */
  public static final String HEADER = "govdatasec-audit-checkpoint/v1";

  /**
   * Checks the fields.
   *
   * @param origin the log's name
   * @param size the number of events
   * @param rootHex the root in hex
   * @param at the time
   * @param signature the signature in base64
   * @throws NullPointerException for a null field
   */
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHex, "rootHex");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * Returns the exact text that is signed.
   *
   * @return the message
   */
  public String signedMessage() {
    return org.govdatasec.audit.internal.Checkpoints.message(origin, size, rootHex, at);
  }

  /**
   * Returns the root as bytes.
   *
   * @return the root
   */
  public byte[] root() {
    return HexFormat.of().parseHex(rootHex);
  }

  /**
   * Returns the time as an instant.
   *
   * @return the time
   */
  public Instant time() {
    return Instant.parse(at);
  }

  /**
   * Checks the signature.
   *
   * @param verifier a verifier for the log's public key
   * @return true if the signature is valid
   */
  public boolean verify(Sm2Verifier verifier) {
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return verifier.isValid(sig, signedMessage().getBytes(StandardCharsets.UTF_8));
  }
}
