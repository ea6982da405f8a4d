package org.govdatasec.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.govdatasec.processor.internal.ProcessorCore;

/**
 * The govdatasec annotation processor: checks every type annotated with the govdatasec annotations
 * against the {@link Rule rules} (CLS-5) and writes the data-resource catalog
 * {@code META-INF/govdatasec/catalog.json} into the class output (CLS-4).
 *
 * <p>Options ({@code -A}): {@code govdatasec.severity.<RULE>=error|warning|off},
 * {@code govdatasec.catalog=true|false} (default true) and {@code govdatasec.internalError=error|warning}
 * (default error). The processor never claims annotations, so other processors see them too, and an
 * internal failure is reported once as {@code GDS-PROC-000} rather than crash the compiler.
 */
public final class GovDataSecProcessor extends AbstractProcessor {

  private ProcessorCore core;

  /** Creates the processor; the compiler calls this through {@link java.util.ServiceLoader}. */
  public GovDataSecProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    core = new ProcessorCore(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ProcessorCore.SUPPORTED_ANNOTATIONS;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorCore.SUPPORTED_OPTIONS;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    core.process(roundEnv);
    return false;
  }
}
