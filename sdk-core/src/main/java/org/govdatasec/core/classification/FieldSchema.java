package org.govdatasec.core.classification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one field (or record component) of a type is classified, as declared by its annotations.
 *
 * <p>A field is <em>unclassified</em> when it carries no classification, no personal-information
 * category, is not the data-subject identifier and holds no classified type: reading it is allowed, but
 * tools report it ({@link #classified()}).
 *
 * @param name the field name
 * @param javaType the field's declared type as written in source, for reports
 * @param declared the declared classification, if any
 * @param reason the declared reason, empty if none
 * @param categories the personal-information categories, empty if the field is not personal information
 * @param sensitivity the declared sensitivity override
 * @param subjectId whether the field identifies the data subject
 * @param multiValued whether the field holds several values (collection, array or map)
 * @param nestedType the binary name of a classified type the field holds (directly, or as elements of a
 *     collection, array, map value or optional), whose classification the field inherits
 */
public record FieldSchema(
    String name,
    String javaType,
    Optional<Classification> declared,
    String reason,
    Set<PiCategory> categories,
    Sensitivity sensitivity,
    boolean subjectId,
    boolean multiValued,
    Optional<String> nestedType) {

  /**
   * Validates the field's declaration.
   *
   * @param name the field name
   * @param javaType the field's declared type as written in source, for reports
   * @param declared the declared classification, if any
   * @param reason the declared reason, empty if none
   * @param categories the personal-information categories, empty if the field is not personal information
   * @param sensitivity the declared sensitivity override
   * @param subjectId whether the field identifies the data subject
   * @param multiValued whether the field holds several values (collection, array or map)
   * @param nestedType the binary name of a classified type the field holds (directly, or as elements of a collection, array, map value or optional), whose classification the field inherits
   * @throws ClassificationException with every problem found ({@code GDS-CLS-003}, {@code -004}, {@code -006}, {@code -010})
   */
  public FieldSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(declared, "declared");
    reason = reason == null ? "" : reason;
    categories = categories.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(PiCategory.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    Objects.requireNonNull(sensitivity, "sensitivity");
    Objects.requireNonNull(nestedType, "nestedType");
    List<ClassificationProblem> problems = check(name, categories, sensitivity, subjectId, multiValued);
    if (!problems.isEmpty()) {
      throw new ClassificationException(problems);
    }
  }

  private static List<ClassificationProblem> check(
      String name, Set<PiCategory> categories, Sensitivity sensitivity, boolean subjectId, boolean multiValued) {
    List<ClassificationProblem> problems = new ArrayList<>();
    // ORG_CREDIT_CODE next to a personal category is GDS-CLS-004 below; counting it here as well would
    // report one mistake twice (and under the less precise code first).
    List<PiCategory> identifiers = categories.stream()
        .filter(c -> c.kind() == PiCategory.Kind.IDENTIFIER && c.personal())
        .collect(Collectors.toList());
    if (identifiers.size() > 1) {
      problems.add(ClassificationError.CONFLICTING_IDENTIFIERS.problem(null, name,
          "a field has one format, but " + identifiers + " are all identifier categories."));
    }
    if (categories.contains(PiCategory.ORG_CREDIT_CODE) && categories.stream().anyMatch(PiCategory::personal)) {
      problems.add(ClassificationError.ORGANISATION_AND_PERSON.problem(null, name,
          "ORG_CREDIT_CODE (an organisation) is declared together with personal categories "
              + categories.stream().filter(PiCategory::personal).collect(Collectors.toList()) + "."));
    }
    if (sensitivity == Sensitivity.NOT_SENSITIVE) {
      List<PiCategory> statutory =
          categories.stream().filter(PiCategory::sensitiveByLaw).collect(Collectors.toList());
      if (!statutory.isEmpty()) {
        problems.add(ClassificationError.STATUTORY_SENSITIVE_DOWNGRADED.problem(null, name,
            "declared NOT_SENSITIVE, but PIPL art. 28 makes " + statutory + " sensitive personal information."));
      }
    }
    if (subjectId && multiValued) {
      problems.add(ClassificationError.MULTI_VALUED_SUBJECT_ID.problem(null, name,
          "@DataSubjectId is on a field that holds several values."));
    }
    return problems;
  }

  /**
   * Starts a builder for a field.
   *
   * @param name the field name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Tells whether the field carries any classification information (see the class comment).
   *
   * @return false for an unclassified field
   */
  public boolean classified() {
    return declared.isPresent() || !categories.isEmpty() || subjectId || nestedType.isPresent();
  }

  /**
   * Tells whether the field is personal information (any personal category).
   *
   * @return true if personal information
   */
  public boolean personalInformation() {
    return categories.stream().anyMatch(PiCategory::personal);
  }

  /**
   * Tells whether the field is sensitive personal information (敏感个人信息): its declared sensitivity,
   * or else any category's default.
   *
   * @return true if sensitive personal information
   */
  public boolean sensitive() {
    if (!personalInformation()) {
      return false;
    }
    return switch (sensitivity) {
      case SENSITIVE -> true;
      case NOT_SENSITIVE -> false;
      case DEFAULT -> categories.stream().anyMatch(PiCategory::sensitiveByDefault);
    };
  }

  /**
   * Builds a {@link FieldSchema} from raw annotation values, collecting every problem before it throws.
   * Used by the run-time schema reader and the annotation processor alike.
   */
  public static final class Builder {
    private final String name;
    private String javaType = "java.lang.Object";
    private DataLevel level;
    private int grade;
    private String reason = "";
    private List<PiCategory> categories = List.of();
    private boolean personalInfoDeclared;
    private Sensitivity sensitivity = Sensitivity.DEFAULT;
    private boolean subjectId;
    private boolean multiValued;
    private boolean staticField;
    private String nestedType;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets the declared type as written in source.
     *
     * @param javaType the type
     * @return this builder
     */
    public Builder javaType(String javaType) {
      this.javaType = Objects.requireNonNull(javaType, "javaType");
      return this;
    }

    /**
     * Sets the values of {@code @Classified}.
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
     * Sets the values of {@code @PersonalInfo}.
     *
     * @param categories the categories as declared, in order, duplicates included
     * @param sensitivity the declared sensitivity
     * @return this builder
     */
    public Builder personalInfo(List<PiCategory> categories, Sensitivity sensitivity) {
      this.categories = List.copyOf(categories);
      this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity");
      this.personalInfoDeclared = true;
      return this;
    }

    /**
     * Marks the field as the data-subject identifier ({@code @DataSubjectId}).
     *
     * @param subjectId whether it is
     * @return this builder
     */
    public Builder subjectId(boolean subjectId) {
      this.subjectId = subjectId;
      return this;
    }

    /**
     * Says whether the field holds several values (a collection, array or map).
     *
     * @param multiValued whether it does
     * @return this builder
     */
    public Builder multiValued(boolean multiValued) {
      this.multiValued = multiValued;
      return this;
    }

    /**
     * Says whether the field is static; a static field may not carry classification annotations.
     *
     * @param staticField whether it is static
     * @return this builder
     */
    public Builder staticField(boolean staticField) {
      this.staticField = staticField;
      return this;
    }

    /**
     * Sets the classified type the field holds.
     *
     * @param binaryName the binary name of the type, or {@code null} for none
     * @return this builder
     */
    public Builder nestedType(String binaryName) {
      this.nestedType = binaryName;
      return this;
    }

    /**
     * Validates and builds the field schema.
     *
     * @return the field schema
     * @throws ClassificationException with every problem of the field
     */
    public FieldSchema build() {
      List<ClassificationProblem> problems = new ArrayList<>();
      Optional<Classification> declared = Optional.empty();
      if (staticField && (level != null || personalInfoDeclared || subjectId)) {
        problems.add(ClassificationError.STATIC_FIELD.problem(null, name,
            "a static field carries govdatasec classification annotations."));
      }
      if (level != null) {
        try {
          declared = Optional.of(new Classification(level, grade));
        } catch (ClassificationException e) {
          e.problems().forEach(p -> problems.add(p.error().problem(null, name, p.message())));
        }
      }
      if (personalInfoDeclared) {
        if (categories.isEmpty()) {
          problems.add(ClassificationError.BAD_CATEGORY_LIST.problem(null, name,
              "@PersonalInfo lists no category."));
        } else if (EnumSet.copyOf(categories).size() != categories.size()) {
          problems.add(ClassificationError.BAD_CATEGORY_LIST.problem(null, name,
              "@PersonalInfo lists a category more than once: " + categories + "."));
        }
      }
      Set<PiCategory> set = categories.isEmpty() ? EnumSet.noneOf(PiCategory.class) : EnumSet.copyOf(categories);
      problems.addAll(check(name, set, sensitivity, subjectId, multiValued));
      if (!problems.isEmpty()) {
        throw new ClassificationException(problems);
      }
      return new FieldSchema(name, javaType, declared, reason, set, sensitivity, subjectId, multiValued,
          Optional.ofNullable(nestedType));
    }
  }
}
