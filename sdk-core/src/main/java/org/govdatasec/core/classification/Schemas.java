package org.govdatasec.core.classification;

import java.util.Objects;
import java.util.Optional;
import org.govdatasec.core.internal.ReflectionSchemaReader;

/**
 * Reads the {@link TypeSchema} of a class from its annotations, once; later calls return the cached
 * schema. The cache holds no strong reference to the class, so it never keeps a class loader alive.
 *
 * <pre>{@code
 * TypeSchema schema = Schemas.of(Citizen.class);
 * schema.subjectIdField();          // the @DataSubjectId field
 * schema.unclassifiedFields();      // fields tools should report
 * }</pre>
 */
public final class Schemas {

  private static final ClassValue<TypeSchema> CACHE = new ClassValue<>() {
    @Override
    protected TypeSchema computeValue(Class<?> type) {
      return ReflectionSchemaReader.read(type);
    }
  };

  private Schemas() {}

  /**
   * Returns the schema of a record or class.
   *
   * @param type the record or class
   * @return its schema
   * @throws ClassificationException if the annotations are invalid or contradictory (every problem of the
   *     type is reported), or {@code GDS-CLS-011} if the type is an interface, enum, annotation, array or
   *     primitive
   */
  public static TypeSchema of(Class<?> type) {
    Objects.requireNonNull(type, "type");
    return CACHE.get(type);
  }

  /**
   * Finds the schema of a classified type by binary name, through the class loader of {@code context}.
   * Used to follow {@link FieldSchema#nestedType()}.
   *
   * @param binaryName the binary name
   * @param context a class whose loader can see the type
   * @return the schema, or empty if no such class is visible
   */
  public static Optional<TypeSchema> find(String binaryName, Class<?> context) {
    try {
      return Optional.of(of(Class.forName(binaryName, false, context.getClassLoader())));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }
}
