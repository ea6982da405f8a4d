/** Implementation of the govdatasec annotation processor. Not API: anything here may change. */
package org.govdatasec.processor.internal;
