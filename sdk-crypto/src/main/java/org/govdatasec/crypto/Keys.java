package org.govdatasec.crypto;

/** Key-size checks shared by the primitives of this package. */
final class Keys {
  private Keys() {}

  /**
   * Returns a copy of the raw key after checking its size; the caller zeroes it.
   *
   * @param key the key
   * @param min minimum size
   * @param max maximum size
   * @param algorithm the algorithm, for the message
   * @return a copy of the bytes
   */
  static byte[] raw(SecretBytes key, int min, int max, String algorithm) {
    if (key == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null key was given to " + algorithm + ".");
    }
    if (key.size() < min || key.size() > max) {
      String want = min == max ? min + " bytes" : min + " to " + max + " bytes";
      throw CryptoError.BAD_KEY_SIZE.exception(
          "a " + key.size() + "-byte key was given to " + algorithm + ", which needs " + want + ".");
    }
    return key.checked().clone();
  }
}
