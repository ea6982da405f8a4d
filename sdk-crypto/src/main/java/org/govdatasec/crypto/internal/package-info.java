/**
 * Implementation of sdk-crypto: the cryptographic backends (Bouncy Castle's lightweight API by default,
 * or a named JCA provider) behind the public types of {@code org.govdatasec.crypto}. Not an API: these
 * classes may change in any release.
 */
package org.govdatasec.crypto.internal;
