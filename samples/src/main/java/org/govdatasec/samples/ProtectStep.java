package org.govdatasec.samples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import org.govdatasec.core.audit.Action;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.AuditEvent;
import org.govdatasec.core.audit.AuditRecorder;
import org.govdatasec.core.audit.DataObject;
import org.govdatasec.core.audit.Outcome;
import org.govdatasec.core.policy.Assessment;
import org.govdatasec.core.policy.ControlPolicy;
import org.govdatasec.core.policy.PolicyEngine;
import org.govdatasec.crypto.CryptoException;
import org.govdatasec.crypto.SecretBytes;
import org.govdatasec.crypto.Sm4Gcm;
import org.govdatasec.crypto.field.BlindIndex;
import org.govdatasec.crypto.field.FieldCipher;
import org.govdatasec.crypto.field.IndexNormalizer;
import org.govdatasec.crypto.field.ProtectedRecord;
import org.govdatasec.crypto.field.RecordProtector;
import org.govdatasec.samples.registry.Citizen;
import org.govdatasec.samples.registry.RegistryScenario;
import org.govdatasec.samples.registry.SampleData;

/**
 * The protection step of the demo (ST-2, ST-3, PI-5, CLS-5): the sample citizens are stored with the
 * fields the policy requires encrypted at rest under SM4-GCM, bound to their row; a citizen is found by
 * ID number through a blind index; a value copied to another row fails to decrypt.
 * With {@link #run(PrintStream, AuditRecorder)} each stored row and the refused read are recorded (AU-1).
 *
 * <p>Keys are generated in this process (a table-wide {@link Sm4Gcm} key and a blind-index root key);
 * a production registry keeps a keyset wrapped under its key-encryption key instead. The ciphertext tokens
 * and index values therefore differ from run to run; everything else printed is fixed.
 */
public final class ProtectStep {

  /** The table the registry stores citizens in; part of every ciphertext's associated data. */
  public static final String TABLE = "citizen";
  /** The stored-column name of the blind index on the ID number. */
  public static final String ID_INDEX_COLUMN = "idNumber_bidx";
  /** How the clerk types the ID number searched for: spaces, as on the card. */
  public static final String QUERY = "4501 0319 8203 1503 11";
  /** Marks a blind-index value in the stored rows and the output, e.g. {@code bidx:4f0a2}. */
  public static final String INDEX_PREFIX = "bidx:";

  /**
   * What the step did, for assertions.
   *
   * @param encryptedFields the fields the policy required encrypted (at 1,200,000 subjects)
   * @param rows the stored rows, each with its blind-index column added
   * @param indexBits the blind index's length
   * @param queryIndex the blind index of {@link #QUERY}
   * @param candidates the citizen numbers of the rows whose index matched
   * @param found the citizen number whose decrypted ID number equals the query, or null
   * @param movedValueError the error code of revealing a value copied to another row
   * @param allRevealed whether every stored row revealed to its original citizen
   */
  public record Result(Set<String> encryptedFields, List<Map<String, Object>> rows, int indexBits,
      String queryIndex, List<String> candidates, String found, String movedValueError, boolean allRevealed) {}

  /** The registry's storage service, the actor of the step's audit events. */
  public static final Actor SERVICE = new Actor("registry.store", "service", RegistryScenario.OWNER,
      RegistryScenario.SYSTEM_NAME);
  /** When the step stores the citizens: 2024-06-18 09:00 in Nanning, one minute per row. */
  public static final Instant TIME = Instant.parse("2024-06-18T01:00:00Z");

  private ProtectStep() {}

  /**
   * Runs the step on a registry of {@value RegistryScenario#CITY_WIDE_SUBJECTS} subjects, printing to
   * {@code out} (lines of at most 100 display columns).
   *
   * @param out where to print
   * @return what happened
   */
  public static Result run(PrintStream out) {
    return run(out, event -> {});
  }

  /**
   * Runs the step as {@link #run(PrintStream)} does, and records what it does (AU-1): one STORE event per
   * citizen row, with the encrypted fields, the type's level and PI categories, and one FAILED READ event
   * (with {@code GDS-CRYPTO-003}) for the refused moved value.
   *
   * @param out where to print
   * @param audit where the step's audit events go (the demo's one log)
   * @return what happened
   */
  public static Result run(PrintStream out, AuditRecorder audit) {
    RegistryScenario scenario = new RegistryScenario();
    scenario.registerSubjects(RegistryScenario.CITY_WIDE_SUBJECTS);
    PolicyEngine engine = scenario.engine(ControlPolicy.defaults());

    FieldCipher cipher = FieldCipher.builder().aead(Sm4Gcm.create(SecretBytes.random(Sm4Gcm.KEY_BYTES))).build();
    RecordProtector<Citizen> citizens = RecordProtector.builder(Citizen.class)
        .cipher(cipher).policy(engine).table(TABLE).build();
    BlindIndex byIdNumber = BlindIndex.builder().rootKey(SecretBytes.random(32)).table(TABLE).column("idNumber")
        .expectedRows(RegistryScenario.CITY_WIDE_SUBJECTS).normalizers(IndexNormalizer.ID_NUMBER).build();

    out.println("Keys: a table key for SM4-GCM (RFC 8998) and a blind-index root key, both generated in this");
    out.println("process for the demo; production keeps a keyset wrapped under the key-encryption key.");
    out.printf("The policy engine decides the fields (default policy, %,d subjects, ENCRYPT_AT_REST):%n",
        scenario.subjects());
    Set<String> encrypted = citizens.encryptedFields();
    out.println("  encrypted: " + String.join(", ", encrypted));
    List<String> clear = new ArrayList<>();
    for (var c : Citizen.class.getRecordComponents()) {
      if (!encrypted.contains(c.getName())) {
        clear.add(c.getName());
      }
    }
    out.println("  in clear:  " + String.join(", ", clear)
        + " (citizenNo binds every value to its subject)");
    out.println();

    Assessment assessment = engine.assess(Citizen.class);
    List<Map<String, Object>> table = new ArrayList<>();
    Instant at = TIME;
    for (Citizen c : SampleData.citizens()) {
      ProtectedRecord row = citizens.protect(c);
      Map<String, Object> stored = new LinkedHashMap<>(row.columns());
      stored.put(ID_INDEX_COLUMN, INDEX_PREFIX + byIdNumber.index(c.idNumber()));
      table.add(stored);
      audit.record(event(Action.STORE, assessment, c.citizenNo(), List.copyOf(encrypted), at)
          .purpose("户籍登记：字段加密存储（SM4-GCM）并建立盲索引").build());
      at = at.plusSeconds(60);
    }
    out.println("Stored rows (tokens cut to 12 characters; an ID number's token has 67):");
    out.printf("  %-11s %-16s %-16s %-16s %s%n", "citizenNo", "name", "idNumber", "birthDate", ID_INDEX_COLUMN);
    out.printf("  %-11s %-16s %-16s %-16s %s%n", "-".repeat(10), "-".repeat(15), "-".repeat(15), "-".repeat(15),
        "-".repeat(13));
    for (Map<String, Object> row : table) {
      out.printf("  %-11s %-16s %-16s %-16s %s%n", row.get("citizenNo"), cut(row.get("name")),
          cut(row.get("idNumber")), cut(row.get("birthDate")), row.get(ID_INDEX_COLUMN));
    }
    out.println();

    String queryIndex = INDEX_PREFIX + byIdNumber.index(QUERY);
    out.printf("Blind index %s.idNumber: %d bits = BlindIndex.suggestBits(%,d): about %.1f rows per%n",
        TABLE, byIdNumber.bits(), RegistryScenario.CITY_WIDE_SUBJECTS,
        BlindIndex.expectedMatches(RegistryScenario.CITY_WIDE_SUBJECTS, byIdNumber.bits()));
    out.println("index value in a full registry, so an index value does not single out a person.");
    out.println("Search for \"" + QUERY + "\" (typed with spaces; normalised with ID_NUMBER):");
    out.println("  WHERE " + ID_INDEX_COLUMN + " = '" + queryIndex + "', then decrypt those rows and compare:");
    List<String> candidates = new ArrayList<>();
    String found = null;
    String wanted = IndexNormalizer.ID_NUMBER.apply(QUERY);
    for (Map<String, Object> row : table) {
      if (queryIndex.equals(row.get(ID_INDEX_COLUMN))) {
        candidates.add((String) row.get("citizenNo"));
        Citizen c = citizens.reveal(row);
        if (wanted.equals(c.idNumber())) {
          found = c.citizenNo();
          out.println("  found " + c.citizenNo() + " " + c.name() + " (its decrypted idNumber equals the query)");
        }
      }
    }
    out.println();

    Map<String, Object> tampered = new LinkedHashMap<>(table.get(0));
    tampered.put("idNumber", table.get(1).get("idNumber"));
    String moved;
    out.println("李秀兰's idNumber token copied into 黄志强's row (NN-0000001), then read:");
    try {
      citizens.reveal(tampered);
      moved = "none";
      out.println("  UNEXPECTED: the moved value decrypted");
    } catch (CryptoException e) {
      moved = e.code();
      out.println("  refused: " + e.code() + " " + e.error().name() + " " + e.requirements());
    }
    audit.record(event(Action.READ, assessment, SampleData.HUANG_ZHIQIANG.citizenNo(), List.of("idNumber"), at)
        .outcome(Outcome.failed(moved + ": a value moved from another row does not decrypt")).build());
    boolean all = true;
    for (int i = 0; i < table.size(); i++) {
      all &= SampleData.citizens().get(i).equals(citizens.reveal(table.get(i)));
    }
    out.println("Every stored row reads back to its citizen: " + (all ? "yes" : "NO"));
    List<Map<String, Object>> rows = new ArrayList<>();
    table.forEach(r -> rows.add(Collections.unmodifiableMap(r)));
    return new Result(encrypted, List.copyOf(rows), byIdNumber.bits(), queryIndex, List.copyOf(candidates), found,
        moved, all);
  }

  private static AuditEvent.Builder event(Action action, Assessment assessment, String citizenNo,
      List<String> fields, Instant at) {
    AuditEvent.Builder b = AuditEvent.builder(action, SERVICE).id("protect-" + action.name().toLowerCase(
        java.util.Locale.ROOT) + "-" + citizenNo).time(at)
        .object(DataObject.records(RegistryScenario.SYSTEM_NAME, TABLE, List.of(citizenNo)).withFields(fields))
        .categories(assessment.categories());
    assessment.effective().ifPresent(b::level);
    return b;
  }

  private static String cut(Object stored) {
    String s = String.valueOf(stored);
    return s.length() <= 12 ? s : s.substring(0, 12) + "...";
  }
}
