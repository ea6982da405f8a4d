package org.govdatasec.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Test sources and a compiler with the processor. */
final class Sources {

  private Sources() {}

  /** Stub of sdk-crypto's converter (sdk-processor must not depend on sdk-crypto). */
  static final JavaFileObject CONVERTER = JavaFileObjects.forSourceLines(
      "org.govdatasec.crypto.jpa.EncryptedStringConverter",
      "package org.govdatasec.crypto.jpa;",
      "public final class EncryptedStringConverter implements jakarta.persistence.AttributeConverter<String, String> {",
      "  public String convertToDatabaseColumn(String v) { return v; }",
      "  public String convertToEntityAttribute(String v) { return v; }",
      "}");

  /** Stub of sdk-crypto's encrypted value type. */
  static final JavaFileObject ENCRYPTED_VALUE = JavaFileObjects.forSourceLines(
      "org.govdatasec.crypto.field.EncryptedValue",
      "package org.govdatasec.crypto.field;",
      "public final class EncryptedValue {}");

  /** A source in package {@code demo}; the lines follow the given imports line by line. */
  static JavaFileObject source(String simpleName, String... lines) {
    List<String> all = new ArrayList<>();
    all.add("package demo;");
    all.add("import org.govdatasec.core.annotation.*;");
    all.add("import org.govdatasec.core.classification.*;");
    all.add("import jakarta.persistence.*;");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("demo." + simpleName, all);
  }

  /** Line {@code n} of the lines passed to {@link #source}, counting from 1, as a line of the file. */
  static int line(int n) {
    return n + 4;
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    all.add(CONVERTER);
    all.add(ENCRYPTED_VALUE);
    return javac().withProcessors(new GovDataSecProcessor()).withOptions(options).compile(all);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** The govdatasec diagnostics (any kind), as "KIND line: message". */
  static List<String> govdatasec(Compilation c) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      String m = d.getMessage(null);
      if (m.contains("govdatasec:")) {
        out.add(d.getKind() + " " + d.getLineNumber() + ": " + m);
      }
    }
    return out;
  }

  static String catalog(Compilation c) {
    try {
      return c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/govdatasec/catalog.json")
          .orElseThrow(() -> new AssertionError("no catalog written"))
          .getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
