package org.govdatasec.crypto.field;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.crypto.CryptoError;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.internal.field.PolicyDecisions;
import org.govdatasec.crypto.internal.field.ValueCodec;

/**
 * Protects the fields of an annotated record that the policy requires encrypted at rest, and only those
 * (ST-2, PI-5, CLS-5).
 *
 * <pre>{@code
 * RecordProtector<Citizen> citizens = RecordProtector.builder(Citizen.class)
 *     .cipher(fieldCipher).policy(policyEngine).table("citizen").build();
 * ProtectedRecord row = citizens.protect(citizen);      // column -> stored value, gds1.... where required
 * Citizen back = citizens.reveal(row.columns());         // e.g. from a JDBC row
 * }</pre>
 *
 * <p><b>Which fields.</b> The {@link PolicyEngine} decides: a field is encrypted if
 * {@code ENCRYPT_AT_REST} is required for that field's own classification and categories (a schema
 * holding only that field), or for the fields of a combination rule that fires on the type. The decision
 * is computed once per type, when the protector is built, for both sides of the policy's high-risk
 * subject threshold (CLS-3); each call reads the system's live subject count and takes the matching
 * side, so fields switch to encrypted when the system grows past the threshold without a restart. A value
 * that is stored in clear although the policy now requires it encrypted is refused on reveal
 * ({@code GDS-CRYPTO-017}): re-protect such rows. A clear text value that happens to start like an
 * encrypted value ({@code gds1.}) is encrypted too, so reading back is never ambiguous.
 *
 * <p><b>Binding.</b> Each value is bound to {@code (table, field name, row key, subject id)}, the subject
 * id being the {@code @DataSubjectId} value; it is never encrypted (the policy must not require it:
 * use a surrogate such as a citizen number, and a {@link BlindIndex} to find people by ID number). In
 * per-subject mode the subject id also selects the key, so destroying it shreds the record (DS-2):
 * after that, reveal fails with {@code GDS-CRYPTO-008} even for a record whose protected values were all
 * null.
 *
 * <p><b>Types.</b> {@code String}, {@code byte[]}, {@code LocalDate}, {@code LocalDateTime},
 * {@code LocalTime}, {@code Instant}, integers, {@code BigInteger}, {@code BigDecimal}, {@code Boolean},
 * {@code Character}, enums, plus any registered with {@link Builder#codec}. Records only: a class has no
 * canonical constructor to rebuild it with. Thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordProtector<T extends Record> {

  private final Class<T> type;
  private final String table;
  private final FieldCipher cipher;
  private final PolicyEngine engine;
  private final long threshold;
  private final Set<String> belowThreshold;
  private final Set<String> atThreshold;
  private final List<Component> components;
  private final int subjectIndex;
  private final Constructor<T> constructor;

  /** One record component with its accessor and codec. */
  private record Component(String name, Class<?> type, Method accessor, ValueCodec codec) {}

  private RecordProtector(Builder<T> b, Set<String> below, Set<String> at, List<Component> components,
      int subjectIndex, Constructor<T> constructor) {
    this.type = b.type;
    this.table = b.table;
    this.cipher = b.cipher;
    this.engine = b.engine;
    this.threshold = b.engine.policy().highRiskSubjectThreshold();
    this.belowThreshold = below;
    this.atThreshold = at;
    this.components = components;
    this.subjectIndex = subjectIndex;
    this.constructor = constructor;
  }

  /**
   * Starts a builder for a record type.
   *
   * @param <T> the record type
   * @param type the record type, annotated with sdk-core's annotations
   * @return a builder
   */
  public static <T extends Record> Builder<T> builder(Class<T> type) {
    return new Builder<>(type);
  }

  /**
   * Returns the table the values are bound to.
   *
   * @return the table
   */
  public String table() {
    return table;
  }

  /**
   * Returns the fields the policy requires encrypted at the system's current subject count.
   *
   * @return the field names, in component order
   */
  public Set<String> encryptedFields() {
    return currentDecision();
  }

  /**
   * Returns the fields the policy requires encrypted below or at the high-risk subject threshold.
   *
   * @param highRiskVolume whether the system holds at least the threshold of subjects
   * @return the field names, in component order
   */
  public Set<String> encryptedFields(boolean highRiskVolume) {
    return highRiskVolume ? atThreshold : belowThreshold;
  }

  private Set<String> currentDecision() {
    return engine.system().subjects() >= threshold ? atThreshold : belowThreshold;
  }

  /**
   * Protects a record bound to its subject id.
   *
   * @param record the record
   * @return the stored form
   * @throws CryptoException {@code GDS-CRYPTO-017} if the record has no subject id to bind to (or to key
   *     by, in per-subject mode), {@code GDS-CRYPTO-008} if the subject's key was destroyed
   */
  public ProtectedRecord protect(T record) {
    return protect(record, null);
  }

  /**
   * Protects a record bound to its row key and subject id.
   *
   * @param record the record
   * @param rowKey the row's key, or {@code null} to bind to the subject id only
   * @return the stored form; nothing is returned if any field fails
   * @throws CryptoException {@code GDS-CRYPTO-017} if the record has neither a row key nor a subject id,
   *     or no subject id in per-subject mode; {@code GDS-CRYPTO-008} if the subject's key was destroyed
   */
  public ProtectedRecord protect(T record, String rowKey) {
    if (record == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("a null " + type.getSimpleName() + " was given to protect.");
    }
    Object[] values = new Object[components.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = read(components.get(i), record);
    }
    FieldRef base = place(subjectIndex < 0 ? null : values[subjectIndex], rowKey);
    cipher.ensureSubjectKey(base);
    Set<String> required = currentDecision();
    Map<String, Object> columns = new LinkedHashMap<>();
    Set<String> encrypted = new LinkedHashSet<>();
    for (int i = 0; i < values.length; i++) {
      Component c = components.get(i);
      Object v = values[i];
      boolean encrypt = i != subjectIndex
          && (required.contains(c.name()) || (v instanceof String s && EncryptedValue.looksEncrypted(s)));
      if (encrypt) {
        encrypted.add(c.name());
        columns.put(c.name(), v == null ? null
            : cipher.protectBytes(base.withColumn(c.name()), c.codec().encode().apply(v)).toText());
      } else {
        columns.put(c.name(), v);
      }
    }
    return new ProtectedRecord(table, columns, encrypted);
  }

  /**
   * Rebuilds a record from its stored form, bound to its subject id.
   *
   * @param columns column name to stored value, e.g. {@link ProtectedRecord#columns()} or a JDBC row;
   *     every component must be present, other keys are ignored
   * @return the record
   * @throws CryptoException {@code GDS-CRYPTO-003} if a value was modified or moved, {@code GDS-CRYPTO-004}
   *     for a malformed value, {@code GDS-CRYPTO-008} if the subject's key was destroyed,
   *     {@code GDS-CRYPTO-017} for a missing column, a value the policy requires encrypted found in clear,
   *     or values the record's constructor refuses
   */
  public T reveal(Map<String, ?> columns) {
    return reveal(columns, null);
  }

  /**
   * Rebuilds a record from its stored form, bound to its row key and subject id.
   *
   * @param columns column name to stored value; every component must be present
   * @param rowKey the row key given to {@link #protect(Record, String)}, or {@code null}
   * @return the record
   * @throws CryptoException as {@link #reveal(Map)}
   */
  public T reveal(Map<String, ?> columns, String rowKey) {
    if (columns == null) {
      throw CryptoError.INVALID_ARGUMENT.exception("null columns were given to reveal a " + type.getSimpleName() + ".");
    }
    for (Component c : components) {
      if (!columns.containsKey(c.name())) {
        throw CryptoError.FIELD_PROTECTION.exception("the stored " + type.getSimpleName() + " lacks the column "
            + c.name() + "; pass every component's column, null values included.");
      }
    }
    FieldRef base = place(subjectIndex < 0 ? null : columns.get(components.get(subjectIndex).name()), rowKey);
    cipher.requireSubjectKey(base);
    Set<String> required = currentDecision();
    Object[] args = new Object[components.size()];
    for (int i = 0; i < args.length; i++) {
      Component c = components.get(i);
      Object v = columns.get(c.name());
      boolean mustDecrypt = i != subjectIndex && required.contains(c.name());
      boolean looksEncrypted = v instanceof EncryptedValue || (v instanceof String s && EncryptedValue.looksEncrypted(s));
      if (v != null && i != subjectIndex && (mustDecrypt || looksEncrypted)) {
        if (!looksEncrypted) {
          throw CryptoError.FIELD_PROTECTION.exception("the policy requires " + table + "." + c.name()
              + " encrypted at rest, but the stored value is in clear (" + v.getClass().getSimpleName()
              + "); re-protect the row (it was written before the requirement applied, or bypassed protection).");
        }
        EncryptedValue ev = v instanceof EncryptedValue e ? e : EncryptedValue.parse((String) v);
        byte[] plain = cipher.revealBytes(base.withColumn(c.name()), ev);
        try {
          args[i] = c.codec().decode().apply(plain);
        } catch (RuntimeException e) {
          throw CryptoError.FIELD_PROTECTION.exception("the decrypted value of " + table + "." + c.name()
              + " is not a readable " + c.type().getSimpleName() + " (" + e.getClass().getSimpleName() + ").");
        }
      } else {
        args[i] = v;
      }
    }
    try {
      return constructor.newInstance(args);
    } catch (IllegalArgumentException e) {
      throw CryptoError.FIELD_PROTECTION.exception("the stored columns do not fit the components of "
          + type.getSimpleName() + " " + describeTypes() + " (a wrong type, or null for a primitive).");
    } catch (InvocationTargetException e) {
      throw CryptoError.FIELD_PROTECTION.exception("the constructor of " + type.getSimpleName()
          + " refused the revealed values (" + e.getCause().getClass().getSimpleName() + ").");
    } catch (ReflectiveOperationException e) {
      throw CryptoError.FIELD_PROTECTION.exception("cannot call the canonical constructor of " + type.getName()
          + " (" + e.getClass().getSimpleName() + ").", e);
    }
  }

  private String describeTypes() {
    List<String> t = new ArrayList<>();
    components.forEach(c -> t.add(c.name() + ": " + c.type().getSimpleName()));
    return t.toString();
  }

  private Object read(Component c, T record) {
    try {
      return c.accessor().invoke(record);
    } catch (InvocationTargetException e) {
      throw CryptoError.FIELD_PROTECTION.exception("the accessor " + type.getSimpleName() + "." + c.name()
          + "() threw " + e.getCause().getClass().getSimpleName() + ".");
    } catch (IllegalAccessException e) {
      throw CryptoError.FIELD_PROTECTION.exception("cannot read " + type.getName() + "." + c.name() + ".", e);
    }
  }

  private FieldRef place(Object subject, String rowKey) {
    String subjectId = subject == null ? null : subject.toString();
    if (subjectId != null && subjectId.isEmpty()) {
      subjectId = null;
    }
    if (subjectId == null && cipher.mode() == FieldCipher.Mode.SUBJECT_KEYS) {
      throw CryptoError.FIELD_PROTECTION.exception("a " + type.getSimpleName() + " without a subject id cannot be"
          + " protected with per-subject keys; give every record its @DataSubjectId value.");
    }
    if (subjectId == null && rowKey == null) {
      throw CryptoError.FIELD_PROTECTION.exception("a " + type.getSimpleName() + " has neither a subject id nor a"
          + " row key to bind its values to; give it its @DataSubjectId value or pass the row key.");
    }
    return new FieldRef(table, "-", rowKey, subjectId);
  }

  @Override
  public String toString() {
    return "RecordProtector[" + type.getSimpleName() + " -> " + table + ", " + cipher.mode() + "]";
  }

  /**
   * Builds a {@link RecordProtector}; {@link #build()} reads the schema, decides the fields and checks
   * that each can be protected.
   *
   * @param <T> the record type
   */
  public static final class Builder<T extends Record> {
    private final Class<T> type;
    private String table;
    private FieldCipher cipher;
    private PolicyEngine engine;
    private final Map<Class<?>, ValueCodec> codecs = new HashMap<>();

    private Builder(Class<T> type) {
      if (type == null || !type.isRecord()) {
        throw CryptoError.FIELD_PROTECTION.exception((type == null ? "null" : type.getName())
            + " is not a record; RecordProtector rebuilds values through a record's canonical constructor.");
      }
      this.type = type;
      this.table = type.getSimpleName();
    }

    /**
     * Sets the field cipher.
     *
     * @param cipher the cipher (table key or per-subject keys)
     * @return this builder
     */
    public Builder<T> cipher(FieldCipher cipher) {
      this.cipher = cipher;
      return this;
    }

    /**
     * Sets the policy engine that decides which fields are encrypted.
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder<T> policy(PolicyEngine engine) {
      this.engine = engine;
      return this;
    }

    /**
     * Sets the table name the values are bound to (default: the record's simple name). Keep it stable:
     * renaming it makes stored values undecryptable.
     *
     * @param table the table, not empty
     * @return this builder
     */
    public Builder<T> table(String table) {
      this.table = table;
      return this;
    }

    /**
     * Registers how a value type is written before encryption.
     *
     * @param <V> the value type
     * @param valueType the type
     * @param toText value to text
     * @param fromText text to value
     * @return this builder
     */
    public <V> Builder<T> codec(Class<V> valueType, Function<V, String> toText, Function<String, V> fromText) {
      if (valueType == null || toText == null || fromText == null) {
        throw CryptoError.INVALID_ARGUMENT.exception("a codec needs a type and both conversions.");
      }
      codecs.put(valueType, ValueCodec.ofText(valueType, toText, fromText));
      return this;
    }

    /**
     * Builds the protector.
     *
     * @return the protector
     * @throws CryptoException {@code GDS-CRYPTO-001} without a cipher, policy or table;
     *     {@code GDS-CRYPTO-017} if the policy requires encrypting a field of a type without a codec, or
     *     the subject id field, or if per-subject mode meets a type without a {@code @DataSubjectId}
     * @throws org.govdatasec.core.classification.ClassificationException if the annotations are invalid
     */
    public RecordProtector<T> build() {
      if (cipher == null || engine == null || table == null || table.isEmpty()) {
        throw CryptoError.INVALID_ARGUMENT.exception("RecordProtector for " + type.getSimpleName()
            + " needs cipher(...), policy(...) and a non-empty table(...).");
      }
      TypeSchema schema = Schemas.of(type);
      Set<String> below = PolicyDecisions.encryptedFields(PolicyDecisions.atSubjects(engine, 0), schema, type);
      Set<String> at = PolicyDecisions.encryptedFields(
          PolicyDecisions.atSubjects(engine, engine.policy().highRiskSubjectThreshold()), schema, type);
      Set<String> ever = new LinkedHashSet<>(below);
      ever.addAll(at);
      String subjectField = schema.subjectIdField().map(FieldSchema::name).orElse(null);
      if (subjectField == null && cipher.mode() == FieldCipher.Mode.SUBJECT_KEYS) {
        throw CryptoError.FIELD_PROTECTION.exception(type.getSimpleName() + " has no @DataSubjectId field, but the"
            + " cipher uses per-subject keys; mark the field that identifies the person.");
      }
      if (subjectField != null && ever.contains(subjectField)) {
        throw CryptoError.FIELD_PROTECTION.exception("the policy requires encrypting " + type.getSimpleName() + "."
            + subjectField + ", the @DataSubjectId that binds and keys every value; use a surrogate subject id"
            + " (e.g. a citizen number) and find people by ID number with a BlindIndex.");
      }
      List<Component> components = new ArrayList<>();
      List<String> unprotectable = new ArrayList<>();
      RecordComponent[] rcs = type.getRecordComponents();
      Class<?>[] types = new Class<?>[rcs.length];
      int subjectIndex = -1;
      for (int i = 0; i < rcs.length; i++) {
        RecordComponent rc = rcs[i];
        types[i] = rc.getType();
        ValueCodec codec = codecs.get(ValueCodec.box(rc.getType()));
        if (codec == null) {
          codec = ValueCodec.builtIn(rc.getType()).orElse(null);
        }
        if (codec == null && ever.contains(rc.getName())) {
          unprotectable.add(rc.getName() + " (" + rc.getGenericType().getTypeName() + ")");
        }
        if (rc.getName().equals(subjectField)) {
          subjectIndex = i;
        }
        Method accessor = rc.getAccessor();
        try {
          accessor.setAccessible(true);
        } catch (RuntimeException e) {
          throw CryptoError.FIELD_PROTECTION.exception("cannot read " + type.getName() + "." + rc.getName()
              + " reflectively; open its package to org.govdatasec.crypto.", e);
        }
        components.add(new Component(rc.getName(), rc.getType(), accessor, codec));
      }
      if (!unprotectable.isEmpty()) {
        throw CryptoError.FIELD_PROTECTION.exception("the policy requires encrypting " + type.getSimpleName()
            + " fields " + unprotectable + " (at or below the high-risk subject threshold), whose types have no"
            + " codec; store them as text, or register one with codec(type, toText, fromText).");
      }
      Constructor<T> ctor;
      try {
        ctor = type.getDeclaredConstructor(types);
        ctor.setAccessible(true);
      } catch (NoSuchMethodException | RuntimeException e) {
        throw CryptoError.FIELD_PROTECTION.exception("cannot call the canonical constructor of " + type.getName()
            + "; open its package to org.govdatasec.crypto.", e);
      }
      return new RecordProtector<>(this, below, at, List.copyOf(components), subjectIndex, ctor);
    }
  }
}
