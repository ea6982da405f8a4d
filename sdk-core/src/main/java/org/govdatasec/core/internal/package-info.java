/** Implementation of sdk-core. Not API: anything here may change without notice. */
package org.govdatasec.core.internal;
