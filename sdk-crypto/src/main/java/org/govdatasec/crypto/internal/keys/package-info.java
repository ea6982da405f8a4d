/**
 * Implementation of the keys of sdk-crypto: the ciphertext framing shared by keysets and the subject key
 * vault, the vault's JDBC store and its tombstone file. Not an API: these classes may change in any release.
 */
package org.govdatasec.crypto.internal.keys;
