/** Implementation of the govdatasec command; not an API. */
package org.govdatasec.cli.internal;
