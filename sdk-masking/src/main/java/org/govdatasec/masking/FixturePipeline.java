package org.govdatasec.masking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.govdatasec.masking.internal.CsvWriter;
import org.govdatasec.masking.internal.FingerprintSet;
import org.govdatasec.masking.internal.RowSource;

/**
 * Masks CSV and JSON Lines files into test fixtures (USE-5, PI-5): streaming, constant memory per row,
 * referential integrity by keyed determinism, a leak scan, a k-anonymity check, and atomic output.
 *
 * <p>A run reads every input twice. Pass 1 validates structure (header, ragged rows, quotes, unlisted
 * columns) and records a 64-bit fingerprint of every tracked source value: values of 6 code points or
 * more of columns masked by a strategy other than KEEP and GENERALISE (for FREE_TEXT columns, only the
 * identifiers found inside them), and the identifiers found inside GENERIC values. Pass 2 masks each row (free text last: a name the row holds in a
 * NAME column is replaced inside its free text by the same pseudonym) into a temporary file in the output folder; a pseudonym that equals a
 * tracked source value is re-derived (so no pseudonym is another real person's value), and every output
 * value, and every identifier inside it, is checked against the fingerprints. Hits are confirmed
 * exactly against the sources before the run fails with {@code GDS-MASK-015}. Memory: about 16 to 32
 * bytes per distinct tracked source value (about 250 MB for 8 million), plus one counter per
 * quasi-identifier equivalence class; never a whole file.
 *
 * <p>On success each temporary file is moved over its final name atomically; on any failure no output
 * file and no temporary file is left, only {@code masking-report.md}/{@code .json} when the leak or k
 * check failed. Same key, same spec, same input: byte-identical output.
 */
public final class FixturePipeline {
  /** The report file names written to the output folder. */
  public static final String REPORT_MD = "masking-report.md";
  /** The JSON report file name. */
  public static final String REPORT_JSON = "masking-report.json";
  /** Values shorter than this (in code points) are not tracked by the leak scan: too common to identify. */
  public static final int LEAK_MIN_LENGTH = 6;
  private static final long PROGRESS_MIN_BYTES = 16L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MaskSpec spec;
  private final Masker masker;
  private final String keyFingerprint;
  private final Path input;
  private final Path output;
  private final PrintStream progress;

  private FixturePipeline(Builder b) {
    this.spec = b.spec;
    this.masker = Masker.keyed(b.key);
    this.keyFingerprint = b.key.fingerprint();
    this.input = b.input;
    this.output = b.output;
    this.progress = b.progress;
  }

  /**
   * Starts a pipeline.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the pipeline.
   *
   * @return the report (also written to the output folder)
   * @throws MaskingException {@code GDS-MASK-011} for a missing input, {@code 012}/{@code 013}/{@code 014}
   *     for bad input, {@code 001} for an invalid value under on-invalid: fail, {@code 015} for a leak,
   *     {@code 016} for k below the minimum, {@code 017} for an I/O failure; each with file:line:column
   *     where it applies
   */
  public MaskReport run() {
    List<Path> temps = new ArrayList<>();
    try {
      return runInternal(temps);
    } catch (IOException e) {
      throw MaskError.IO_FAILURE.exception("masking into " + output + " failed: " + e.getClass().getSimpleName(), e);
    } finally {
      for (Path t : temps) {
        try {
          Files.deleteIfExists(t);
        } catch (IOException ignored) {
          // best effort: the file is a temporary of this run
        }
      }
    }
  }

  private MaskReport runInternal(List<Path> temps) throws IOException {
    if (!Files.isDirectory(input)) {
      throw MaskError.INPUT_MISSING.exception("the input folder " + input + " does not exist.");
    }
    long total = 0;
    for (String name : spec.files().keySet()) {
      Path p = input.resolve(name);
      if (!Files.isRegularFile(p)) {
        throw MaskError.INPUT_MISSING.exception("the spec's file " + name + " is not in " + input + ".");
      }
      total += Files.size(p);
    }
    Files.createDirectories(output);
    Progress bar = new Progress(progress, 2 * total);

    // Pass 1: validate structure; fingerprint tracked source values.
    long seed = Long.parseUnsignedLong(keyFingerprint, 16);
    FingerprintSet sources = new FingerprintSet();
    for (MaskSpec.FileSpec fs : spec.files().values()) {
      try (RowSource src = RowSource.open(input.resolve(fs.name()), fs.name(), fs.jsonLines(), new ArrayList<>(fs.columns().keySet()), bar.bytes)) {
        FieldRule[] rules = rules(fs, src.columns());
        while (src.next()) {
          for (int i = 0; i < rules.length; i++) {
            if (tracked(rules[i])) {
              track(src.value(i), rules[i], sources, seed);
            }
          }
          bar.tick();
        }
      }
    }

    // Pass 2: mask into temporary files; scan every output value.
    List<MaskReport.FileReport> reports = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Path> finals = new LinkedHashMap<>();
    for (MaskSpec.FileSpec fs : spec.files().values()) {
      Path temp = Files.createTempFile(output, "." + fs.name() + ".", ".tmp");
      temps.add(temp);
      finals.put(fs.name(), temp);
      reports.add(maskFile(fs, temp, sources, seed, candidates, bar));
    }
    bar.done();

    List<String> leaks = confirm(candidates, seed);
    MaskReport report = new MaskReport(keyFingerprint, spec.minK(), reports, leaks, sources.size());
    if (!leaks.isEmpty()) {
      writeReport(report);
      throw MaskError.LEAK_FOUND.exception(leaks.size() + " output value(s) equal a source value of a masked column, first at "
          + leaks.get(0) + "; see " + REPORT_MD + ".");
    }
    for (MaskReport.FileReport f : reports) {
      if (f.kAnonymity().isPresent() && f.kAnonymity().get().rows() > 0 && f.kAnonymity().get().k() < spec.minK()) {
        writeReport(report);
        throw MaskError.K_BELOW_MINIMUM.exception(f.name() + " reaches k = " + f.kAnonymity().get().k() + " over "
            + f.kAnonymity().get().quasiIdentifiers() + ", below the minimum " + spec.minK() + "; see " + REPORT_MD + ".");
      }
    }
    for (Map.Entry<String, Path> e : finals.entrySet()) {
      move(e.getValue(), output.resolve(e.getKey()));
    }
    writeReport(report);
    return report;
  }

  private MaskReport.FileReport maskFile(MaskSpec.FileSpec fs, Path temp, FingerprintSet sources, long seed,
      List<Candidate> candidates, Progress bar) throws IOException {
    long rows = 0;
    long masked = 0;
    long invalid = 0;
    Map<String, long[]> classes = new HashMap<>();
    try (RowSource src = RowSource.open(input.resolve(fs.name()), fs.name(), fs.jsonLines(), new ArrayList<>(fs.columns().keySet()), bar.bytes);
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16)) {
      String[] cols = src.columns();
      FieldRule[] rules = rules(fs, cols);
      int[] subjectIdx = new int[cols.length];
      int[] qiIdx = fs.quasiIdentifiers().stream().mapToInt(q -> indexOf(cols, q)).toArray();
      for (int i = 0; i < cols.length; i++) {
        subjectIdx[i] = rules[i].subjectColumn() == null ? -1 : indexOf(cols, rules[i].subjectColumn());
      }
      CsvWriter csv = fs.jsonLines() ? null : new CsvWriter(w);
      if (csv != null) {
        csv.write(cols);
      }
      String[] out = new String[cols.length];
      StringBuilder key = new StringBuilder();
      while (src.next()) {
        rows++;
        // Free text last, so that a name the row holds in a NAME column is replaced inside its free text by
        // the same pseudonym (no dictionary finds names in text, but the row says which names it holds).
        for (int k = 0; k < 2 * cols.length; k++) {
          int i = k % cols.length;
          boolean free = rules[i].format() == Format.FREE_TEXT;
          if ((k < cols.length) == free) {
            continue;
          }
          String v = src.value(i);
          FieldRule r = rules[i];
          if (free && v != null && r.strategy() != Strategy.KEEP) {
            v = withRowNames(v, src, rules, out);
          }
          if (r.strategy() == Strategy.KEEP || v == null) {
            out[i] = r.strategy() == Strategy.SUPPRESS ? null : v;
          } else {
            if (!v.isEmpty() && r.onInvalid() == OnInvalid.GENERIC && r.format() != Format.GENERIC
                && r.format() != Format.FREE_TEXT && !Masker.valid(r.format(), v)) {
              invalid++;
            }
            try {
              out[i] = masker.mask(v, r, subjectIdx[i] < 0 ? null : src.value(subjectIdx[i]),
                  p -> p.length() >= LEAK_MIN_LENGTH && sources.contains(FingerprintSet.fingerprint(p, seed)));
            } catch (MaskingException e) {
              throw e.error().at(e.refused() + " (column " + cols[i] + ")", fs.name() + ":" + src.line() + ":" + (i + 1));
            }
            masked++;
          }
        }
        for (int i = 0; i < cols.length; i++) {
          scan(out[i], fs.name(), src.line(), i, cols[i], sources, seed, candidates);
        }
        if (qiIdx.length > 0) {
          key.setLength(0);
          for (int q : qiIdx) {
            key.append(out[q] == null ? "\u0001" : out[q]).append('\u0000');
          }
          classes.computeIfAbsent(key.toString(), k -> new long[1])[0]++;
        }
        if (csv != null) {
          csv.write(out);
        } else {
          ObjectNode o = JSON.createObjectNode();
          for (int i = 0; i < cols.length; i++) {
            JsonNode n = src.node(i);
            if (n == null) {
              continue;
            }
            if (rules[i].strategy() == Strategy.KEEP) {
              o.set(cols[i], n);
            } else if (out[i] == null) {
              o.putNull(cols[i]);
            } else {
              o.put(cols[i], out[i]);
            }
          }
          w.write(JSON.writeValueAsString(o));
          w.write('\n');
        }
        bar.tick();
      }
    }
    Optional<KAnonymity> k = Optional.empty();
    if (!fs.quasiIdentifiers().isEmpty()) {
      long min = rows == 0 ? 0 : Long.MAX_VALUE;
      long below = 0;
      for (long[] c : classes.values()) {
        min = Math.min(min, c[0]);
        if (c[0] < spec.minK()) {
          below += c[0];
        }
      }
      k = Optional.of(new KAnonymity(fs.quasiIdentifiers(), rows, classes.size(), min, below,
          rows == 0 ? 0 : 1.0 / min, rows == 0 ? 0 : (double) classes.size() / rows));
    }
    return new MaskReport.FileReport(fs.name(), rows, masked, invalid, k);
  }

  private static FieldRule[] rules(MaskSpec.FileSpec fs, String[] cols) {
    FieldRule[] rules = new FieldRule[cols.length];
    for (int i = 0; i < cols.length; i++) {
      rules[i] = Objects.requireNonNull(fs.columns().get(cols[i]));
    }
    return rules;
  }

  private static boolean tracked(FieldRule r) {
    return r.strategy() != Strategy.KEEP && r.strategy() != Strategy.GENERALISE;
  }

  private static void track(String v, FieldRule r, FingerprintSet set, long seed) {
    if (v == null || v.length() < LEAK_MIN_LENGTH) {
      return;
    }
    if (r.format() != Format.FREE_TEXT && v.codePointCount(0, v.length()) >= LEAK_MIN_LENGTH) {
      set.add(FingerprintSet.fingerprint(v, seed));
    }
    if (r.format() == Format.FREE_TEXT || r.format() == Format.GENERIC) {
      FreeText.replace(v, (f, token) -> {
        set.add(FingerprintSet.fingerprint(token, seed));
        return token;
      });
    }
  }

  private static void scan(String v, String file, long line, int col, String column, FingerprintSet set, long seed,
      List<Candidate> candidates) {
    if (v == null || v.length() < LEAK_MIN_LENGTH) {
      return;
    }
    if (v.codePointCount(0, v.length()) >= LEAK_MIN_LENGTH && set.contains(FingerprintSet.fingerprint(v, seed))) {
      addCandidate(candidates, v, file, line, col, column);
    }
    FreeText.replace(v, (f, token) -> {
      if (!token.equals(v) && set.contains(FingerprintSet.fingerprint(token, seed))) {
        addCandidate(candidates, token, file, line, col, column);
      }
      return token;
    });
  }

  private static void addCandidate(List<Candidate> candidates, String value, String file, long line, int col, String column) {
    if (candidates.size() < 1000) {
      candidates.add(new Candidate(value, file + ":" + line + ":" + (col + 1) + " (column " + column + ")"));
    }
  }

  /** Confirms fingerprint hits exactly against the sources (a third read, only when there are hits). */
  private List<String> confirm(List<Candidate> candidates, long seed) throws IOException {
    if (candidates.isEmpty()) {
      return List.of();
    }
    Map<String, String> origin = new HashMap<>();
    Set<String> wanted = new HashSet<>();
    candidates.forEach(c -> wanted.add(c.value));
    for (MaskSpec.FileSpec fs : spec.files().values()) {
      try (RowSource src = RowSource.open(input.resolve(fs.name()), fs.name(), fs.jsonLines(), new ArrayList<>(fs.columns().keySet()), new AtomicLong())) {
        String[] cols = src.columns();
        FieldRule[] rules = rules(fs, cols);
        while (src.next()) {
          for (int i = 0; i < cols.length; i++) {
            String v = src.value(i);
            if (v == null || !tracked(rules[i])) {
              continue;
            }
            String where = fs.name() + " column " + cols[i];
            if (rules[i].format() != Format.FREE_TEXT && wanted.contains(v)) {
              origin.putIfAbsent(v, where);
            }
            FreeText.replace(v, (f, token) -> {
              if (wanted.contains(token)) {
                origin.putIfAbsent(token, where);
              }
              return token;
            });
          }
        }
      }
    }
    List<String> leaks = new ArrayList<>();
    for (Candidate c : candidates) {
      String from = origin.get(c.value);
      if (from != null) {
        leaks.add(c.where + " holds a source value of " + from);
      }
    }
    return leaks;
  }

  private void writeReport(MaskReport report) throws IOException {
    writeAtomically(output.resolve(REPORT_MD), report.toMarkdown());
    writeAtomically(output.resolve(REPORT_JSON), report.toJson());
  }

  private void writeAtomically(Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(output, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int indexOf(String[] cols, String name) {
    for (int i = 0; i < cols.length; i++) {
      if (cols[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Replaces, inside one free-text value, every name that the same row holds in a masked NAME column by
   * that column's masked output (already computed: free text is masked last).
   */
  private static String withRowNames(String text, RowSource src, FieldRule[] rules, String[] out) {
    String result = text;
    for (int j = 0; j < rules.length; j++) {
      if (rules[j].format() != Format.NAME || rules[j].strategy() == Strategy.KEEP) {
        continue;
      }
      String name = src.value(j);
      if (name != null && name.codePointCount(0, name.length()) >= 2 && result.contains(name)) {
        result = result.replace(name, out[j] == null ? "" : out[j]);
      }
    }
    return result;
  }

  private record Candidate(String value, String where) {}

  /** A progress bar on a stream (stderr of a console), for large inputs only. */
  private static final class Progress {
    private final PrintStream out;
    private final long total;
    private final AtomicLong bytes = new AtomicLong();
    private long ticks;
    private int shown = -1;

    Progress(PrintStream out, long total) {
      this.out = total >= PROGRESS_MIN_BYTES ? out : null;
      this.total = Math.max(1, total);
    }

    void tick() {
      if (out != null && (++ticks & 0x3FFF) == 0) {
        int pct = (int) Math.min(100, bytes.get() * 100 / total);
        if (pct != shown) {
          shown = pct;
          int filled = pct * 30 / 100;
          out.print("\rmasking [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + pct + "%");
          out.flush();
        }
      }
    }

    void done() {
      if (out != null) {
        out.print("\rmasking [" + "#".repeat(30) + "] 100%\n");
        out.flush();
      }
    }
  }

  /** Builds a {@link FixturePipeline}; {@link #build()} checks that everything is set. */
  public static final class Builder {
    private MaskSpec spec;
    private MaskingKey key;
    private Path input;
    private Path output;
    private PrintStream progress;

    private Builder() {}

    /**
     * Sets the spec.
     *
     * @param value the spec
     * @return this builder
     */
    public Builder spec(MaskSpec value) {
      this.spec = value;
      return this;
    }

    /**
     * Sets the masking key.
     *
     * @param value the key
     * @return this builder
     */
    public Builder key(MaskingKey value) {
      this.key = value;
      return this;
    }

    /**
     * Sets the input folder holding the spec's files.
     *
     * @param value the folder
     * @return this builder
     */
    public Builder input(Path value) {
      this.input = value;
      return this;
    }

    /**
     * Sets the output folder (created if missing); existing files of the same names are replaced on success.
     *
     * @param value the folder
     * @return this builder
     */
    public Builder output(Path value) {
      this.output = value;
      return this;
    }

    /**
     * Shows a progress bar on a stream for inputs of 16 MiB or more; {@code null} (the default) shows none.
     * The CLI passes {@code System.err} only when {@code System.console() != null}.
     *
     * @param value the stream, or {@code null}
     * @return this builder
     */
    public Builder progress(PrintStream value) {
      this.progress = value;
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @return the pipeline
     * @throws MaskingException {@code GDS-MASK-006} without a key, {@code 010} without a spec,
     *     {@code 011} without folders, {@code 017} when output and input are the same folder
     */
    public FixturePipeline build() {
      if (key == null) {
        throw MaskError.KEY_REQUIRED.exception("the fixture pipeline was given no masking key.");
      }
      if (spec == null) {
        throw MaskError.SPEC_INVALID.exception("the fixture pipeline was given no mask spec.");
      }
      if (input == null || output == null) {
        throw MaskError.INPUT_MISSING.exception("the fixture pipeline needs an input and an output folder.");
      }
      if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
        throw MaskError.IO_FAILURE.exception("the output folder is the input folder; masked files would replace the sources.");
      }
      return new FixturePipeline(this);
    }
  }
}
