/** Implementation of sdk-audit: the canonical codec, file layout and the writer. Not API. */
package org.govdatasec.audit.internal;
