package org.govdatasec.core.classification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classification schema of a record or class: its fields and how each is classified.
 *
 * <p>Obtain one for a class with {@link Schemas#of(Class)} (built once and cached); the annotation
 * processor builds the same value from source. A schema states only what is declared; what level the
 * type ends up at, and which controls it needs, is the policy engine's answer.
 *
 * @param typeName the binary name of the type, for example {@code com.example.Citizen}
 * @param kind whether it is a record or a class
 * @param declared the classification declared on the type itself (a floor for the dataset), if any
 * @param reason the reason declared on the type, empty if none
 * @param fields the instance fields (record components in order; for classes, superclass fields first)
 */
public record TypeSchema(
    String typeName, Kind kind, Optional<Classification> declared, String reason, List<FieldSchema> fields) {

  /** Whether the type is a record or an ordinary class. */
  public enum Kind {
    /** A {@code record}: its fields are its components. */
    RECORD,
    /** An ordinary class. */
    CLASS
  }

  /**
   * Validates the schema.
   *
   * @param typeName the binary name of the type, for example {@code com.example.Citizen}
   * @param kind whether it is a record or a class
   * @param declared the classification declared on the type itself (a floor for the dataset), if any
   * @param reason the reason declared on the type, empty if none
   * @param fields the instance fields (record components in order; for classes, superclass fields first)
   * @throws ClassificationException {@code GDS-CLS-007} if more than one field is the subject identifier
   * @throws IllegalArgumentException if two fields have the same name
   */
  public TypeSchema {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(declared, "declared");
    reason = reason == null ? "" : reason;
    fields = List.copyOf(fields);
    Set<String> names = new HashSet<>();
    for (FieldSchema f : fields) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("two fields named " + f.name() + " in " + typeName);
      }
    }
    List<ClassificationProblem> problems = checkSubjectIds(typeName, fields);
    if (!problems.isEmpty()) {
      throw new ClassificationException(problems);
    }
  }

  private static List<ClassificationProblem> checkSubjectIds(String typeName, List<FieldSchema> fields) {
    List<String> ids = fields.stream().filter(FieldSchema::subjectId).map(FieldSchema::name).collect(Collectors.toList());
    if (ids.size() <= 1) {
      return List.of();
    }
    return List.of(ClassificationError.MULTIPLE_SUBJECT_IDS.problem(typeName, ids.get(1),
        "@DataSubjectId is on " + ids.size() + " fields " + ids + "; a record is about one subject."));
  }

  /**
   * Starts a builder.
   *
   * @param typeName the binary name of the type
   * @param kind whether it is a record or a class
   * @return a builder
   */
  public static Builder builder(String typeName, Kind kind) {
    return new Builder(typeName, kind);
  }

  /**
   * Returns the simple name of the type (after the last {@code .} or {@code $}).
   *
   * @return the simple name
   */
  public String simpleName() {
    int cut = Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$'));
    return typeName.substring(cut + 1);
  }

  /**
   * Finds a field by name.
   *
   * @param name the field name
   * @return the field, if the type has one of that name
   */
  public Optional<FieldSchema> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * Returns the field marked {@code @DataSubjectId}.
   *
   * @return the subject identifier, if the type has one
   */
  public Optional<FieldSchema> subjectIdField() {
    return fields.stream().filter(FieldSchema::subjectId).findFirst();
  }

  /**
   * Returns the fields that carry no classification information, for tools to report.
   *
   * @return the unclassified fields
   */
  public List<FieldSchema> unclassifiedFields() {
    return fields.stream().filter(f -> !f.classified()).collect(Collectors.toUnmodifiableList());
  }

  /**
   * Tells whether anything about the type is classified (the type or any field).
   *
   * @return true if the type carries any classification information
   */
  public boolean isClassified() {
    return declared.isPresent() || fields.stream().anyMatch(FieldSchema::classified);
  }

  /**
   * Tells whether any field of the type itself is personal information (nested types not counted).
   *
   * @return true if the type directly holds personal information
   */
  public boolean holdsPersonalInformation() {
    return fields.stream().anyMatch(FieldSchema::personalInformation);
  }

  /** Builds a {@link TypeSchema}, collecting the problems of every field before it throws. */
  public static final class Builder {
    private final String typeName;
    private final Kind kind;
    private DataLevel level;
    private int grade;
    private String reason = "";
    private final List<Inherited> inherited = new ArrayList<>();
    private final List<FieldSchema.Builder> fields = new ArrayList<>();

    private record Inherited(DataLevel level, int grade, String reason) {}

    private Builder(String typeName, Kind kind) {
      this.typeName = Objects.requireNonNull(typeName, "typeName");
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Sets the values of {@code @Classified} on the type.
     *
     * @param level the level
     * @param grade the grade, 0 if none was given
     * @param reason the reason, empty if none
     * @return this builder
     */
    public Builder classified(DataLevel level, int grade, String reason) {
      this.level = Objects.requireNonNull(level, "level");
      this.grade = grade;
      this.reason = reason == null ? "" : reason;
      return this;
    }

    /**
     * Adds the values of {@code @Classified} on a superclass. The type keeps the highest valid floor of
     * its own and its superclasses' (就高从严, CLS-2): a subclass of an important dataset stays important.
     * An invalid superclass annotation is ignored here (it is reported on the superclass itself); an
     * invalid annotation on the type itself is reported whatever its superclasses declare.
     *
     * @param level the level
     * @param grade the grade, 0 if none was given
     * @param reason the reason, empty if none
     * @return this builder
     */
    public Builder inheritedClassified(DataLevel level, int grade, String reason) {
      inherited.add(new Inherited(Objects.requireNonNull(level, "level"), grade, reason == null ? "" : reason));
      return this;
    }

    /**
     * Adds a field, in declaration order.
     *
     * @param field the field's builder
     * @return this builder
     */
    public Builder field(FieldSchema.Builder field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /**
     * Validates and builds the schema.
     *
     * @return the schema
     * @throws ClassificationException with every problem of the type and its fields
     */
    public TypeSchema build() {
      List<ClassificationProblem> problems = new ArrayList<>();
      Optional<Classification> declared = Optional.empty();
      String declaredReason = reason;
      boolean ownInvalid = false;
      if (level != null) {
        try {
          declared = Optional.of(new Classification(level, grade));
        } catch (ClassificationException e) {
          ownInvalid = true;
          e.problems().forEach(p -> problems.add(p.error().problem(typeName, null, p.message())));
        }
      }
      if (!ownInvalid) {
        for (Inherited i : inherited) {
          Optional<Classification> c = valid(i.level(), i.grade());
          if (c.isPresent() && (declared.isEmpty() || c.get().compareTo(declared.get()) > 0)) {
            declared = c;
            declaredReason = i.reason();
          }
        }
      }
      List<FieldSchema> built = new ArrayList<>();
      for (FieldSchema.Builder f : fields) {
        try {
          built.add(f.build());
        } catch (ClassificationException e) {
          e.problems().forEach(p -> problems.add(p.error().problem(typeName, p.element(), p.message())));
        }
      }
      problems.addAll(checkSubjectIds(typeName, built));
      if (!problems.isEmpty()) {
        throw new ClassificationException(problems);
      }
      return new TypeSchema(typeName, kind, declared, declaredReason, built);
    }

    private static Optional<Classification> valid(DataLevel level, int grade) {
      try {
        return Optional.of(new Classification(level, grade));
      } catch (ClassificationException e) {
        return Optional.empty();
      }
    }
  }
}
