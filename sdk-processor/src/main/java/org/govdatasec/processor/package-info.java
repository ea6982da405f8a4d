/**
 * govdatasec processor (work in progress; see the module's pom description).
 */
package org.govdatasec.processor;
