package org.govdatasec.masking.junit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.govdatasec.masking.FixturePipeline;
import org.govdatasec.masking.MaskError;
import org.govdatasec.masking.MaskSpec;
import org.govdatasec.masking.MaskingException;
import org.govdatasec.masking.MaskingKey;
import org.govdatasec.masking.internal.CsvReader;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Serves {@link MaskedFixture} parameters and fields (USE-5). Registered by the annotation itself.
 */
public final class MaskedFixtureExtension implements ParameterResolver, TestInstancePostProcessor {
  /** The built-in public test key (the ASCII text "govdatasec-test-fixtures key 01" and 0xFF): for fixtures of test data only. */
  public static final String TEST_KEY_HEX = "676f76646174617365632d746573742d6669787475726573206b6579203031ff";

  /** Creates the extension; JUnit does this. */
  public MaskedFixtureExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
    return pc.isAnnotated(MaskedFixture.class);
  }

  @Override
  public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
    check(pc.getParameter().getParameterizedType(), pc.getParameter().getName());
    return load(pc.findAnnotation(MaskedFixture.class).orElseThrow(), ec.getRequiredTestClass());
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext ec) throws IllegalAccessException {
    for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        MaskedFixture mf = f.getAnnotation(MaskedFixture.class);
        if (mf != null) {
          check(f.getGenericType(), f.getName());
          f.setAccessible(true);
          f.set(instance, load(mf, instance.getClass()));
        }
      }
    }
  }

  private static void check(Type type, String name) {
    boolean ok = type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == List.class
        && ((ParameterizedType) type).getActualTypeArguments()[0].getTypeName().equals("java.util.Map<java.lang.String, java.lang.String>");
    if (!ok) {
      throw MaskError.BAD_FIXTURE.exception("@MaskedFixture " + name + " has type " + type.getTypeName()
          + "; it must be List<Map<String, String>>.");
    }
  }

  /**
   * Masks a fixture's source with its spec and returns the rows.
   *
   * @param fixture the annotation
   * @param testClass the class whose loader finds the resources
   * @return the masked rows, unmodifiable
   * @throws MaskingException {@code GDS-MASK-020} for a missing resource; any error of the pipeline
   */
  public static List<Map<String, String>> load(MaskedFixture fixture, Class<?> testClass) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("govdatasec-fixture");
      Path in = Files.createDirectory(dir.resolve("in"));
      String sourceName = fixture.source().substring(fixture.source().lastIndexOf('/') + 1);
      Files.write(in.resolve(sourceName), resource(testClass, fixture.source()));
      MaskSpec spec = MaskSpec.parse(new String(resource(testClass, fixture.spec()), StandardCharsets.UTF_8), fixture.spec());
      MaskSpec.FileSpec only = spec.files().get(sourceName);
      if (only == null) {
        throw MaskError.BAD_FIXTURE.exception("the spec " + fixture.spec() + " does not list " + sourceName + ".");
      }
      spec = new MaskSpec(spec.profile(), spec.minK(), Map.of(sourceName, only));
      MaskingKey key = fixture.key().isEmpty() ? MaskingKey.parse(TEST_KEY_HEX)
          : MaskingKey.parse(new String(resource(testClass, fixture.key()), StandardCharsets.US_ASCII));
      Path out = dir.resolve("out");
      FixturePipeline.builder().spec(spec).key(key).input(in).output(out).build().run();
      return only.jsonLines() ? readJson(out.resolve(sourceName)) : readCsv(out.resolve(sourceName));
    } catch (IOException e) {
      throw MaskError.IO_FAILURE.exception("the masked fixture " + fixture.source() + " could not be prepared.", e);
    } finally {
      delete(dir);
    }
  }

  private static byte[] resource(Class<?> testClass, String name) throws IOException {
    ClassLoader cl = testClass.getClassLoader();
    try (InputStream s = cl.getResourceAsStream(name.startsWith("/") ? name.substring(1) : name)) {
      if (s == null) {
        throw MaskError.BAD_FIXTURE.exception("the test resource " + name + " does not exist.");
      }
      return s.readAllBytes();
    }
  }

  private static List<Map<String, String>> readCsv(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CsvReader csv = new CsvReader(r, file.getFileName().toString());
      String[] header = csv.next();
      String[] rec;
      while ((rec = csv.next()) != null) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], rec[i]);
        }
        rows.add(Collections.unmodifiableMap(row));
      }
    }
    return Collections.unmodifiableList(rows);
  }

  private static List<Map<String, String>> readJson(Path file) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Map<String, String> row = new LinkedHashMap<>();
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : m.readTree(line).properties()) {
        row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
      }
      rows.add(Collections.unmodifiableMap(row));
    }
    return Collections.unmodifiableList(rows);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder of masked test data only
    }
  }
}
