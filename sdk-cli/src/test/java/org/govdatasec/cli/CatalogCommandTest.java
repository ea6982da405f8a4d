package org.govdatasec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** CLS-4: govdatasec catalog merges the processor's catalogs of several jars into the unit's catalog. */
class CatalogCommandTest {

  @TempDir
  Path dir;

  private static String type(String name, String effective, String fieldName, String category) {
    return "{\"type\":\"" + name + "\",\"name\":\"" + name.substring(name.lastIndexOf('.') + 1) + "\",\"kind\":\"RECORD\","
        + "\"effective\":\"" + effective + "\",\"subjectIdField\":\"id\",\"fields\":["
        + "{\"name\":\"id\",\"javaType\":\"java.lang.String\",\"declared\":null,\"categories\":[],\"sensitive\":false,\"subjectId\":true},"
        + "{\"name\":\"" + fieldName + "\",\"javaType\":\"java.lang.String\",\"declared\":null,\"categories\":[\"" + category
        + "\"],\"sensitive\":true,\"subjectId\":false}],"
        + "\"controls\":[{\"control\":\"ENCRYPT_AT_REST\",\"strength\":\"RECOMMENDED\"},"
        + "{\"control\":\"CATALOG_REGISTRATION\",\"strength\":\"MANDATORY\"}]}";
  }

  private static String catalog(String... types) {
    return "{\"formatVersion\":1,\"types\":[" + String.join(",", types) + "]}";
  }

  private Path jar(String name, String catalogJson) throws IOException {
    Path p = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(p))) {
      out.putNextEntry(new JarEntry("demo/Placeholder.class"));
      out.write(new byte[] {1, 2, 3});
      if (catalogJson != null) {
        out.putNextEntry(new JarEntry(CatalogCommand.CATALOG));
        out.write(catalogJson.getBytes(StandardCharsets.UTF_8));
      }
    }
    return p;
  }


  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private List<String> base(String format, Path... jars) {
    List<String> args = new ArrayList<>(List.of("catalog", "--system", "市民信息登记系统", "--owner", "南宁市<大数据>局",
        "--format", format));
    for (Path j : jars) {
      args.add(j.toString());
    }
    return args;
  }

  @Test
  @DisplayName("CLS-4: two jars merge into one JSON catalog with system, owner and sorted types; duplicates collapse")
  void mergesJson() throws IOException {
    Path a = jar("registry.jar", catalog(type("demo.Citizen", "GENERAL-4", "idNumber", "RESIDENT_ID")));
    Path b = jar("welfare.jar", catalog(type("demo.Application", "GENERAL-4", "bankCard", "BANK_CARD"),
        type("demo.Citizen", "GENERAL-4", "idNumber", "RESIDENT_ID")));
    CliRun r = run(base("json", a, b).toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("市民信息登记系统", root.get("system").asText());
    assertEquals("南宁市<大数据>局", root.get("owner").asText());
    assertEquals(2, root.get("types").size());
    assertEquals("demo.Application", root.get("types").get(0).get("type").asText());
    assertEquals("demo.Citizen", root.get("types").get(1).get("type").asText());
    assertEquals("[\"registry.jar\",\"welfare.jar\"]", root.get("sources").toString());
  }

  @Test
  @DisplayName("CSV, Markdown and HTML (escaped, self-contained) carry every field of every type")
  void otherFormats() throws IOException {
    Path a = jar("a.jar", catalog(type("demo.Citizen", "GENERAL-4", "idNumber", "RESIDENT_ID")));
    CliRun csv = run(base("csv", a).toArray(String[]::new));
    assertEquals(0, csv.code(), csv.err());
    String[] lines = csv.out().split("\r\n");
    assertEquals("system,owner,type,effective,field,javaType,declared,categories,sensitive,subjectId,controls", lines[0]);
    assertEquals("市民信息登记系统,南宁市<大数据>局,demo.Citizen,GENERAL-4,idNumber,java.lang.String,-,RESIDENT_ID,yes,no,"
        + "\"ENCRYPT_AT_REST (recommended), CATALOG_REGISTRATION (mandatory)\"", lines[2]);
    CliRun md = run(base("markdown", a).toArray(String[]::new));
    assertTrue(md.out().contains("## demo.Citizen (GENERAL-4)"), md.out());
    assertTrue(md.out().contains("| idNumber | java.lang.String | - | RESIDENT_ID | yes | no |"), md.out());
    CliRun html = run(base("html", a).toArray(String[]::new));
    assertTrue(html.out().contains("Owner: 南宁市&lt;大数据&gt;局"), html.out());
    assertFalse(html.out().contains("<大数据>"), "escaped");
    assertFalse(html.out().contains("http"), "self-contained: no external resources");
    assertTrue(html.out().contains("<td>idNumber</td><td>java.lang.String</td>"), html.out());
  }

  @Test
  @DisplayName("--out writes the file; --classpath skips entries without a catalog")
  void outAndClasspath() throws IOException {
    Path a = jar("a.jar", catalog(type("demo.Citizen", "GENERAL-4", "idNumber", "RESIDENT_ID")));
    Path plain = jar("plain.jar", null);
    Path target = dir.resolve("catalog.md");
    CliRun r = run("catalog", "--system", "s", "--owner", "o", "--format", "markdown", "--out", target.toString(),
        "--classpath", plain + java.io.File.pathSeparator + a);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(target).contains("## demo.Citizen (GENERAL-4)"));
  }

  private void assertRefused(String code, String message, List<String> args, Path out) throws IOException {
    List<String> all = new ArrayList<>(args);
    all.add(1, "--out");
    all.add(2, out.toString());
    CliRun r = run(all.toArray(String[]::new));
    assertEquals(GovDataSec.REFUSED, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(code), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertTrue(r.err().contains("Fix: "), r.err());
    assertFalse(Files.exists(out), "no output file on a refusal");
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  @Test
  @DisplayName("a jar without catalog, malformed JSON, a wrong format, conflicting entries and a missing file are refused")
  void refusals() throws IOException {
    Path out = dir.resolve("out/catalog.json");
    Files.createDirectories(out.getParent());
    Path good = jar("good.jar", catalog(type("demo.Citizen", "GENERAL-4", "idNumber", "RESIDENT_ID")));
    assertRefused("GDS-CLI-001 [CLS-4]", "plain.jar holds no META-INF/govdatasec/catalog.json",
        base("json", good, jar("plain.jar", null)), out);
    assertRefused("GDS-CLI-003 [CLS-4]", "is not valid JSON", base("json", good, jar("bad.jar", "{\"formatVersion\":1,")), out);
    assertRefused("GDS-CLI-003 [CLS-4]", "format version other than 1",
        base("json", jar("v2.jar", "{\"formatVersion\":2,\"types\":[]}")), out);
    assertRefused("GDS-CLI-004 [CLS-4]", "demo.Citizen is described differently by",
        base("json", good, jar("other.jar", catalog(type("demo.Citizen", "IMPORTANT", "idNumber", "RESIDENT_ID")))), out);
    assertRefused("GDS-CLI-002 [CLS-4]", "does not exist", base("json", dir.resolve("missing.jar")), out);
  }

  @Test
  @DisplayName("a failed write leaves no partial file (GDS-CLI-005)")
  void failedWrite() throws IOException {
    Path a = jar("a.jar", catalog(type("demo.Citizen", "GENERAL-4", "idNumber", "RESIDENT_ID")));
    Path target = dir.resolve("no-such-dir/catalog.json");
    CliRun r = run("catalog", "--system", "s", "--owner", "o", "--out", target.toString(), a.toString());
    assertEquals(GovDataSec.REFUSED, r.code());
    assertTrue(r.err().contains("GDS-CLI-005"), r.err());
    assertFalse(Files.exists(target));
  }

  @Test
  @DisplayName("govdatasec without a subcommand prints the usage listing catalog")
  void usage() {
    CliRun r = run();
    assertEquals(0, r.code());
    assertTrue(r.out().contains("catalog"), r.out());
  }
}
