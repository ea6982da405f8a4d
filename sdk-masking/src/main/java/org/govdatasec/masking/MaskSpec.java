package org.govdatasec.masking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.masking.internal.YamlNode;

/**
 * A mask spec: for each input file, how each column is masked, which columns are quasi-identifiers, and
 * the minimum k the output must reach (USE-5, PI-5). Read from YAML, validated eagerly with
 * {@code file:line:column} in every error ({@code GDS-MASK-010}); the format is in {@code docs/masking.md}.
 *
 * <pre>{@code
 * version: 1
 * profile: TEST_FIXTURE          # defaults per category come from this profile
 * on-invalid: fail               # or generic
 * min-k: 2
 * files:
 *   citizens.csv:
 *     quasi-identifiers: [birth_date, gender, address]
 *     columns:
 *       id_number: {category: RESIDENT_ID, join: citizen-id, keep-birth-year: true}
 *       name: NAME
 *       birth_date: {category: BIRTH_DATE, strategy: GENERALISE, generalise: year}
 *       gender: {strategy: KEEP}
 * }</pre>
 *
 * @param profile the profile whose defaults apply
 * @param minK the minimum k of every file with quasi-identifiers (1 means no check)
 * @param files the files, by name, in spec order
 */
public record MaskSpec(Profile profile, int minK, Map<String, FileSpec> files) {

  private static final Set<String> TOP_KEYS = Set.of("version", "profile", "on-invalid", "min-k", "files");
  private static final Set<String> FILE_KEYS = Set.of("columns", "quasi-identifiers");
  private static final Set<String> COLUMN_KEYS = Set.of("category", "format", "strategy", "on-invalid", "keep-first",
      "keep-last", "mask-char", "join", "keep-region", "keep-province", "keep-birth-year", "keep-gender", "keep-domain",
      "generalise", "bucket", "age-band-width", "as-of", "max-days", "subject-column", "hash-length");

  /**
   * How one file is masked.
   *
   * @param name the file name, relative to the input folder; {@code .csv} or {@code .jsonl}/{@code .ndjson}
   * @param columns each column's rule, in spec order
   * @param quasiIdentifiers the columns the k-anonymity check groups by (may be empty)
   */
  public record FileSpec(String name, Map<String, FieldRule> columns, List<String> quasiIdentifiers) {
    /**
     * Copies the collections.
     *
     * @param name the file name
     * @param columns the rules
     * @param quasiIdentifiers the quasi-identifiers
     */
    public FileSpec {
      columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
      quasiIdentifiers = List.copyOf(quasiIdentifiers);
    }

    /**
     * Tells whether the file is JSON Lines (by its extension).
     *
     * @return true for {@code .jsonl} and {@code .ndjson}
     */
    public boolean jsonLines() {
      String n = name.toLowerCase(Locale.ROOT);
      return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }
  }

  /**
   * Copies the map.
   *
   * @param profile the profile
   * @param minK the minimum k
   * @param files the files
   */
  public MaskSpec {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /**
   * Reads a spec file (UTF-8 YAML).
   *
   * @param file the file
   * @return the spec
   * @throws MaskingException {@code GDS-MASK-010} for an invalid spec, {@code GDS-MASK-011} if it does not exist
   */
  public static MaskSpec parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw MaskError.INPUT_MISSING.exception("the mask spec " + file + " cannot be read.", e);
    }
    return parse(text, file.getFileName().toString());
  }

  /**
   * Reads a spec from text.
   *
   * @param yaml the YAML text
   * @param name the name used in error locations
   * @return the spec
   * @throws MaskingException {@code GDS-MASK-010} (and {@code 002}, {@code 003}, {@code 004}, {@code 009}
   *     for unknown categories, strategies and bad options), each with {@code file:line:column}
   */
  public static MaskSpec parse(String yaml, String name) {
    YamlNode root = YamlNode.parse(yaml, name);
    Map<String, YamlNode> top = root.map("the spec");
    checkKeys(top, TOP_KEYS, "the spec");
    if (top.containsKey("version") && !"1".equals(top.get("version").text("version"))) {
      throw MaskError.SPEC_INVALID.at("version must be 1.", top.get("version").location());
    }
    Profile profile = top.containsKey("profile") ? enumValue(Profile.class, top.get("profile"), "profile") : Profile.TEST_FIXTURE;
    OnInvalid onInvalid = top.containsKey("on-invalid") ? enumValue(OnInvalid.class, top.get("on-invalid"), "on-invalid") : OnInvalid.FAIL;
    int minK = top.containsKey("min-k") ? intValue(top.get("min-k"), "min-k", 1, 1_000_000) : 1;
    YamlNode filesNode = top.get("files");
    if (filesNode == null || filesNode.map("files").isEmpty()) {
      throw MaskError.SPEC_INVALID.at("the spec lists no files.", root.location());
    }
    Map<String, FileSpec> files = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> fe : filesNode.map("files").entrySet()) {
      String fileName = fe.getKey();
      YamlNode fileNode = fe.getValue();
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (!(lower.endsWith(".csv") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson"))
          || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
        throw MaskError.SPEC_INVALID.at("file '" + fileName + "' must be a plain .csv, .jsonl or .ndjson file name.", fileNode.location());
      }
      Map<String, YamlNode> fm = fileNode.map("file " + fileName);
      checkKeys(fm, FILE_KEYS, "file " + fileName);
      YamlNode colsNode = fm.get("columns");
      if (colsNode == null || colsNode.map("columns").isEmpty()) {
        throw MaskError.SPEC_INVALID.at("file " + fileName + " lists no columns.", fileNode.location());
      }
      Map<String, FieldRule> columns = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode> ce : colsNode.map("columns").entrySet()) {
        columns.put(ce.getKey(), column(fileName, ce.getKey(), ce.getValue(), profile, onInvalid));
      }
      List<String> qis = List.of();
      if (fm.containsKey("quasi-identifiers")) {
        qis = fm.get("quasi-identifiers").list("quasi-identifiers").stream().map(n -> {
          String q = n.text("a quasi-identifier");
          if (!columns.containsKey(q)) {
            throw MaskError.SPEC_INVALID.at("quasi-identifier '" + q + "' is not a column of " + fileName + ".", n.location());
          }
          return q;
        }).collect(Collectors.toList());
      }
      for (Map.Entry<String, FieldRule> c : columns.entrySet()) {
        String subject = c.getValue().subjectColumn();
        if (c.getValue().strategy() == Strategy.DATE_SHIFT && (subject == null || !columns.containsKey(subject))) {
          throw MaskError.SUBJECT_REQUIRED.at("DATE_SHIFT column '" + c.getKey() + "' needs subject-column naming a column of "
              + fileName + ".", colsNode.map("columns").get(c.getKey()).location());
        }
      }
      files.put(fileName, new FileSpec(fileName, columns, qis));
    }
    return new MaskSpec(profile, minK, files);
  }

  private static FieldRule column(String file, String column, YamlNode node, Profile profile, OnInvalid onInvalid) {
    String where = file + " column " + column;
    Map<String, YamlNode> m;
    if (node.value() instanceof String) {
      m = Map.of("category", node);
    } else {
      m = node.map(where);
    }
    checkKeys(m, COLUMN_KEYS, where);
    try {
      FieldRule.Builder b;
      YamlNode cat = m.get("category");
      YamlNode fmt = m.get("format");
      PiCategory category = null;
      if (cat != null) {
        String c = cat.text("category").strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PiCategory pc : PiCategory.values()) {
          if (pc.name().equals(c)) {
            category = pc;
          }
        }
        if (category == null) {
          Format.parse(c);
          throw MaskError.UNKNOWN_CATEGORY.at("'" + cat.text("category") + "' is a format, not a PiCategory; write format: "
              + c + ".", cat.location());
        }
      }
      Format format = fmt != null ? parseAt(fmt) : category != null ? Format.of(category) : Format.GENERIC;
      Strategy strategy = m.containsKey("strategy") ? enumValue(Strategy.class, m.get("strategy"), "strategy") : null;
      if (category != null) {
        FieldRule def = DefaultRules.rule(category, profile);
        b = def.toBuilder().format(format);
        if (strategy != null && strategy != def.strategy()) {
          b = FieldRule.builder(format, strategy);
        }
      } else {
        if (strategy == null) {
          throw MaskError.SPEC_INVALID.at(where + " has neither a category nor a strategy; give one (strategy: KEEP for columns that are not personal).",
              node.location());
        }
        b = FieldRule.builder(format, strategy);
      }
      b.onInvalid(m.containsKey("on-invalid") ? enumValue(OnInvalid.class, m.get("on-invalid"), "on-invalid") : onInvalid);
      FieldRule base = b.build();
      int first = m.containsKey("keep-first") ? intValue(m.get("keep-first"), "keep-first", 0, FieldRule.MAX_KEEP) : base.keepFirst();
      int last = m.containsKey("keep-last") ? intValue(m.get("keep-last"), "keep-last", 0, FieldRule.MAX_KEEP) : base.keepLast();
      b.keep(first, last);
      if (m.containsKey("mask-char")) {
        String mc = m.get("mask-char").text("mask-char");
        if (mc.codePointCount(0, mc.length()) != 1) {
          throw MaskError.BAD_OPTION.at("mask-char must be one character.", m.get("mask-char").location());
        }
        b.maskChar(mc.codePointAt(0));
      }
      b.domain(m.containsKey("join") ? "join:" + m.get("join").text("join") : file + "." + column);
      b.keepRegion(bool(m, "keep-region", base.keepRegion()));
      b.keepProvince(bool(m, "keep-province", base.keepProvince()));
      b.keepBirthYear(bool(m, "keep-birth-year", base.keepBirthYear()));
      b.keepGender(bool(m, "keep-gender", base.keepGender()));
      b.keepDomain(bool(m, "keep-domain", base.keepDomain()));
      if (m.containsKey("generalise")) {
        b.generalisation(enumValue(Generalisation.class, m.get("generalise"), "generalise"));
      }
      if (m.containsKey("bucket")) {
        b.bucket(intValue(m.get("bucket"), "bucket", 1, Integer.MAX_VALUE));
      }
      LocalDate asOf = base.asOf();
      if (m.containsKey("as-of")) {
        try {
          asOf = LocalDate.parse(m.get("as-of").text("as-of"));
        } catch (DateTimeParseException e) {
          throw MaskError.BAD_OPTION.at("as-of must be a date yyyy-MM-dd.", m.get("as-of").location());
        }
      }
      b.ageBand(m.containsKey("age-band-width") ? intValue(m.get("age-band-width"), "age-band-width", 1, 100) : base.ageBandWidth(), asOf);
      b.dateShift(m.containsKey("max-days") ? intValue(m.get("max-days"), "max-days", 1, 3650) : base.maxShiftDays(),
          m.containsKey("subject-column") ? m.get("subject-column").text("subject-column") : null);
      if (m.containsKey("hash-length")) {
        b.hashHexLength(intValue(m.get("hash-length"), "hash-length", 16, 64));
      }
      return b.build();
    } catch (MaskingException e) {
      if (e.location().isPresent()) {
        throw e;
      }
      throw e.error().at(where + ": " + e.refused(), node.location());
    }
  }

  private static Format parseAt(YamlNode n) {
    try {
      return Format.parse(n.text("format"));
    } catch (MaskingException e) {
      throw e.error().at(e.refused(), n.location());
    }
  }

  private static void checkKeys(Map<String, YamlNode> m, Set<String> allowed, String where) {
    for (Map.Entry<String, YamlNode> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw MaskError.SPEC_INVALID.at("unknown key '" + e.getKey() + "' in " + where + "; allowed: "
            + allowed.stream().sorted().collect(Collectors.joining(", ")) + ".", e.getValue().location());
      }
    }
  }

  private static boolean bool(Map<String, YamlNode> m, String key, boolean dflt) {
    YamlNode n = m.get(key);
    if (n == null) {
      return dflt;
    }
    String v = n.text(key);
    if (!v.equals("true") && !v.equals("false")) {
      throw MaskError.SPEC_INVALID.at(key + " must be true or false.", n.location());
    }
    return Boolean.parseBoolean(v);
  }

  private static int intValue(YamlNode n, String key, int min, int max) {
    try {
      int v = Integer.parseInt(n.text(key).strip());
      if (v < min || v > max) {
        throw MaskError.BAD_OPTION.at(key + " " + v + " is outside " + min + ".." + max + ".", n.location());
      }
      return v;
    } catch (NumberFormatException e) {
      throw MaskError.SPEC_INVALID.at(key + " must be a whole number.", n.location());
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, YamlNode n, String key) {
    String v = n.text(key).strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (type == Strategy.class && (v.equals("SM3") || v.equals("SHA256") || v.equals("SHA_256") || v.equals("MD5")
        || v.equals("SHA1") || v.equals("UNKEYED_HASH"))) {
      throw MaskError.UNKEYED_HASH_REFUSED.at("strategy " + n.text(key) + " is an unkeyed hash.", n.location());
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v) || (type == Strategy.class && v.equals("PSEUDONYMIZE") && e.name().equals("PSEUDONYMISE"))
          || (type == Strategy.class && v.equals("GENERALIZE") && e.name().equals("GENERALISE"))) {
        return e;
      }
    }
    MaskError err = type == Strategy.class ? MaskError.UNKNOWN_STRATEGY : MaskError.SPEC_INVALID;
    throw err.at(key + " '" + n.text(key) + "' is not one of "
        + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".", n.location());
  }
}
