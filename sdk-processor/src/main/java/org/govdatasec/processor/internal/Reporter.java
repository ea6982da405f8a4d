package org.govdatasec.processor.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import org.govdatasec.core.Requirement;
import org.govdatasec.processor.Rule;

/**
 * Reports rule findings: applies the configured severity and {@code @SuppressWarnings("govdatasec:RULE")},
 * and formats {@code [govdatasec:RULE] GDS-PROC-nnn [REQ] Type.field: what. Fix: how}.
 */
final class Reporter {

  private final Messager messager;
  private final Map<Rule, Rule.Severity> severities;
  private final Map<Rule, Integer> counts = new EnumMap<>(Rule.class);

  Reporter(Messager messager, Map<Rule, Rule.Severity> severities) {
    this.messager = messager;
    this.severities = severities;
  }

  /** Formats a finding. */
  static String format(Rule rule, String codes, List<Requirement> requirements, String where, String what, String fix) {
    return "[" + rule.id() + "] " + codes + " ["
        + requirements.stream().map(Requirement::id).collect(Collectors.joining(", ")) + "] "
        + (where.isEmpty() ? "" : where + ": ") + what + " Fix: " + fix;
  }

  /**
   * Reports a finding of {@code rule} on {@code element} (at {@code annotation} if given), unless the rule is
   * off or suppressed on the element, an enclosing element, or one of {@code alsoSuppressedBy}.
   */
  void report(Rule rule, Element element, AnnotationMirror annotation, String message, Element... alsoSuppressedBy) {
    Rule.Severity severity = severities.get(rule);
    if (severity == Rule.Severity.OFF || suppressed(rule, element)) {
      return;
    }
    for (Element e : alsoSuppressedBy) {
      if (e != null && suppressed(rule, e)) {
        return;
      }
    }
    counts.merge(rule, 1, Integer::sum);
    Diagnostic.Kind kind = severity == Rule.Severity.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    if (annotation != null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element);
    }
  }

  /** How many findings of each rule were reported (not suppressed, not off). */
  Map<Rule, Integer> counts() {
    return counts;
  }

  static boolean suppressed(Rule rule, Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (suppresses(rule, e)) {
        return true;
      }
      // A record's field is declared by its component; a suppression may sit on either.
      if (e.getKind() == ElementKind.FIELD && e.getEnclosingElement() != null
          && e.getEnclosingElement().getKind() == ElementKind.RECORD) {
        for (RecordComponentElement c : ElementFilter.recordComponentsIn(e.getEnclosingElement().getEnclosedElements())) {
          if (c.getSimpleName().contentEquals(e.getSimpleName()) && suppresses(rule, c)) {
            return true;
          }
        }
      }
      if (e.getKind() == ElementKind.PACKAGE || e.getKind() == ElementKind.MODULE) {
        return false;
      }
    }
    return false;
  }

  private static boolean suppresses(Rule rule, Element e) {
    SuppressWarnings s = e.getAnnotation(SuppressWarnings.class);
    if (s == null) {
      return false;
    }
    for (String v : s.value()) {
      if (v.trim().equals(rule.id())) {
        return true;
      }
    }
    return false;
  }
}
