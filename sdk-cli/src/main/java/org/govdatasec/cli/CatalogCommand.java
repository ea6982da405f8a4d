package org.govdatasec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.govdatasec.cli.internal.AtomicOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code govdatasec catalog}: merges the catalogs that sdk-processor wrote into jars and class directories
 * ({@code META-INF/govdatasec/catalog.json}) into the data-resource catalog a unit files (CLS-4), as
 * JSON, CSV, Markdown or self-contained HTML.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "Merge the govdatasec catalogs of jars and class directories into a unit's data-resource"
        + " catalog (CLS-4).")
public final class CatalogCommand implements Callable<Integer> {

  /** The catalog's path inside a jar or class directory. */
  public static final String CATALOG = "META-INF/govdatasec/catalog.json";

  /** The catalog format this command reads. */
  public static final int FORMAT_VERSION = 1;

  /** Output formats. */
  public enum Format {
    /** Merged JSON. */
    JSON,
    /** One row per field, RFC 4180. */
    CSV,
    /** A Markdown table per type. */
    MARKDOWN,
    /** A self-contained HTML page. */
    HTML
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "JAR_OR_DIR", arity = "0..*", description = "Jars or class directories; each must hold a catalog.")
  private List<File> inputs = new ArrayList<>();

  @Option(names = "--classpath", paramLabel = "PATH",
      description = "A classpath; entries without a catalog are skipped, but at least one must have one.")
  private String classpath;

  @Option(names = "--system", required = true, description = "The system's name, as in the unit's catalog.")
  private String system;

  @Option(names = "--owner", required = true, description = "The unit that owns the system.")
  private String owner;

  @Option(names = "--format", defaultValue = "JSON", description = "JSON, CSV, MARKDOWN or HTML (default ${DEFAULT-VALUE}).")
  private Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
  private Path out;

  /** Creates the command; picocli instantiates it. */
  public CatalogCommand() {}

  @Override
  public Integer call() {
    Map<String, JsonNode> types = new TreeMap<>();
    Map<String, String> sourceOf = new TreeMap<>();
    List<String> sources = new ArrayList<>();
    for (File f : inputs) {
      String text = read(f.toPath(), true);
      merge(f.toString(), text, types, sourceOf);
      sources.add(f.getName());
    }
    if (classpath != null) {
      int found = 0;
      for (String entry : classpath.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        String text = read(Path.of(entry), false);
        if (text != null) {
          found++;
          merge(entry, text, types, sourceOf);
          sources.add(Path.of(entry).getFileName().toString());
        }
      }
      if (found == 0) {
        throw new CliException(CliError.NO_CATALOG, "no entry of the classpath holds " + CATALOG + ".");
      }
    }
    if (inputs.isEmpty() && classpath == null) {
      throw new CliException(CliError.NO_CATALOG, "no jar, directory or --classpath was given.");
    }
    String rendered = render(types, sources);
    write(rendered);
    return 0;
  }

  /** Reads the catalog of a jar or directory; null if it has none and {@code required} is false. */
  private static String read(Path p, boolean required) {
    if (!Files.exists(p)) {
      if (!required) {
        return null;
      }
      throw new CliException(CliError.UNREADABLE_INPUT, p + " does not exist.");
    }
    try {
      if (Files.isDirectory(p)) {
        Path c = p.resolve(CATALOG);
        if (Files.isRegularFile(c)) {
          return Files.readString(c, StandardCharsets.UTF_8);
        }
      } else {
        try (JarFile jar = new JarFile(p.toFile())) {
          ZipEntry e = jar.getEntry(CATALOG);
          if (e != null) {
            try (InputStream in = jar.getInputStream(e)) {
              return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
          }
        }
      }
    } catch (IOException | SecurityException e) {
      throw new CliException(CliError.UNREADABLE_INPUT, p + " cannot be read as a jar or directory ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
    }
    if (required) {
      throw new CliException(CliError.NO_CATALOG, p + " holds no " + CATALOG + ".");
    }
    return null;
  }

  private static void merge(String source, String text, Map<String, JsonNode> types, Map<String, String> sourceOf) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliException(CliError.MALFORMED_CATALOG, "the catalog of " + source + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ").");
    }
    if (root == null || !root.isObject() || root.path("formatVersion").asInt(-1) != FORMAT_VERSION
        || !root.path("types").isArray()) {
      throw new CliException(CliError.MALFORMED_CATALOG, "the catalog of " + source + " has no types or a format"
          + " version other than " + FORMAT_VERSION + ".");
    }
    for (JsonNode t : root.path("types")) {
      String name = t.path("type").asText("");
      if (name.isEmpty() || !t.path("fields").isArray() || !t.path("controls").isArray()) {
        throw new CliException(CliError.MALFORMED_CATALOG, "the catalog of " + source + " has a type entry without"
            + " type, fields or controls.");
      }
      JsonNode existing = types.get(name);
      if (existing != null && !existing.equals(t)) {
        throw new CliException(CliError.CONFLICTING_ENTRIES, name + " is described differently by "
            + sourceOf.get(name) + " and " + source + ".");
      }
      types.put(name, t);
      sourceOf.putIfAbsent(name, source);
    }
  }

  private String render(Map<String, JsonNode> types, List<String> sources) {
    return switch (format) {
      case JSON -> json(types, sources);
      case CSV -> csv(types);
      case MARKDOWN -> markdown(types);
      case HTML -> html(types);
    };
  }

  private String json(Map<String, JsonNode> types, List<String> sources) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("system", system);
    root.put("owner", owner);
    ArrayNode src = root.putArray("sources");
    sources.forEach(src::add);
    ArrayNode list = root.putArray("types");
    types.values().forEach(list::add);
    try {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      return MAPPER.writer(pp).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<String> COLUMNS = List.of("type", "effective", "field", "javaType", "declared",
      "categories", "sensitive", "subjectId");

  private static List<String> row(JsonNode t, JsonNode f) {
    return List.of(t.path("type").asText(), t.path("effective").asText("-"), f.path("name").asText(),
        f.path("javaType").asText(), f.path("declared").isNull() ? "-" : f.path("declared").asText(),
        join(f.path("categories")), f.path("sensitive").asBoolean() ? "yes" : "no",
        f.path("subjectId").asBoolean() ? "yes" : "no");
  }

  private static String join(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isObject() ? n.path("control").asText() : n.asText()));
    return out.isEmpty() ? "-" : String.join("+", out);
  }

  private static String controls(JsonNode t) {
    List<String> out = new ArrayList<>();
    t.path("controls").forEach(c -> out.add(c.path("control").asText() + " (" + c.path("strength").asText()
        .toLowerCase(java.util.Locale.ROOT) + ")"));
    return String.join(", ", out);
  }

  private String csv(Map<String, JsonNode> types) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("system", "owner"));
    header.addAll(COLUMNS);
    header.add("controls");
    sb.append(csvLine(header));
    for (JsonNode t : types.values()) {
      for (JsonNode f : t.path("fields")) {
        List<String> cells = new ArrayList<>(List.of(system, owner));
        cells.addAll(row(t, f));
        cells.add(controls(t));
        sb.append(csvLine(cells));
      }
    }
    return sb.toString();
  }

  private static String csvLine(List<String> cells) {
    List<String> q = new ArrayList<>();
    for (String c : cells) {
      q.add(c.matches("[^\",\r\n]*") ? c : "\"" + c.replace("\"", "\"\"") + "\"");
    }
    return String.join(",", q) + "\r\n";
  }

  private static String md(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  private String markdown(Map<String, JsonNode> types) {
    StringBuilder sb = new StringBuilder("# 政务数据资源目录 Data-resource catalog\n\n");
    sb.append("- system: ").append(md(system)).append("\n- owner: ").append(md(owner)).append("\n- types: ")
        .append(types.size()).append("\n");
    for (JsonNode t : types.values()) {
      sb.append("\n## ").append(md(t.path("type").asText())).append(" (").append(t.path("effective").asText("-"))
          .append(")\n\n").append("Required controls: ").append(md(controls(t))).append("\n\n");
      sb.append("| field | Java type | declared | categories | sensitive | subject id |\n|---|---|---|---|---|---|\n");
      for (JsonNode f : t.path("fields")) {
        List<String> r = row(t, f);
        sb.append("| ").append(String.join(" | ", r.subList(2, r.size()).stream().map(CatalogCommand::md).toList()))
            .append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String html(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private String html(Map<String, JsonNode> types) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<title>政务数据资源目录 - " + html(system) + "</title><style>body{font-family:sans-serif}"
        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}</style></head><body>\n");
    sb.append("<h1>政务数据资源目录 Data-resource catalog</h1>\n<p>System: ").append(html(system))
        .append("<br>Owner: ").append(html(owner)).append("</p>\n");
    for (JsonNode t : types.values()) {
      sb.append("<h2>").append(html(t.path("type").asText())).append(" (").append(html(t.path("effective").asText("-")))
          .append(")</h2>\n<p>Required controls: ").append(html(controls(t))).append("</p>\n<table><tr>");
      for (String h : COLUMNS.subList(2, COLUMNS.size())) {
        sb.append("<th>").append(h).append("</th>");
      }
      sb.append("</tr>\n");
      for (JsonNode f : t.path("fields")) {
        sb.append("<tr>");
        List<String> r = row(t, f);
        r.subList(2, r.size()).forEach(c -> sb.append("<td>").append(html(c)).append("</td>"));
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private void write(String text) {
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(text);
      w.flush();
      return;
    }
    try {
      AtomicOutput.write(out, text);
    } catch (IOException | RuntimeException e) {
      throw new CliException(CliError.OUTPUT_FAILED, "cannot write " + out + " (" + e.getClass().getSimpleName() + ").");
    }
  }
}
