/** Implementation of the governance flows. Not API: anything here may change without notice. */
package org.govdatasec.core.internal.governance;
