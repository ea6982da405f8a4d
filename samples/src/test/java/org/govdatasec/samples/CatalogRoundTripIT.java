package org.govdatasec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govdatasec.cli.GovDataSec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end (CLS-4): the catalog that sdk-processor wrote while this module compiled is read by the
 * real {@code govdatasec catalog} command, so a format change in one module cannot slip past the other.
 */
class CatalogRoundTripIT {

  @Test
  @DisplayName("govdatasec catalog merges the processor-built catalog of this module into the unit's catalog")
  void processorCatalogFeedsTheCommand(@TempDir Path dir) throws Exception {
    Path classes = Path.of("target", "classes");
    assertTrue(Files.isRegularFile(classes.resolve("META-INF/govdatasec/catalog.json")),
        "the processor wrote no catalog into target/classes");
    Path out = dir.resolve("catalog.json");
    StringWriter err = new StringWriter();
    int code = GovDataSec.commandLine().setErr(new PrintWriter(err))
        .execute("catalog", "--system", "市民信息登记系统", "--owner", "南宁市大数据发展局", "--format", "json",
            "--out", out.toString(), classes.toString());
    assertEquals(0, code, err.toString());

    JsonNode root = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    String text = root.toString();
    assertTrue(text.contains("市民信息登记系统") && text.contains("南宁市大数据发展局"), text);
    for (String t : List.of("Citizen", "Household", "Application", "ServiceAppointment", "DistrictStatistics")) {
      assertTrue(text.contains("org.govdatasec.samples.registry." + t), t + " missing from " + text);
    }
    assertTrue(text.contains("GENERAL-4") && text.contains("IMPORTANT"), text);
  }
}
