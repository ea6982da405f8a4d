package org.govdatasec.core.governance.consent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.govdatasec.core.audit.Actor;
import org.govdatasec.core.audit.InMemoryAuditRecorder;
import org.govdatasec.core.classification.FieldSchema;
import org.govdatasec.core.classification.PiCategory;
import org.govdatasec.core.classification.Schemas;
import org.govdatasec.core.classification.TypeSchema;
import org.govdatasec.core.governance.GovFixtures;
import org.govdatasec.core.testing.MutableClock;

/** PI-2 as a property: whatever was consented and requested, a projection holds no field outside it. */
class ProjectionPropertyTest {
  private static final List<String> FIELDS = Schemas.of(Resident.class).fields().stream().map(FieldSchema::name).toList();
  private static final List<PiCategory> CATEGORIES = List.of(PiCategory.NAME, PiCategory.RESIDENT_ID,
      PiCategory.MOBILE, PiCategory.ADDRESS, PiCategory.HEALTH, PiCategory.EMAIL);

  @Property(tries = 200, seed = "20240618")
  @Label("PI-2: a projection never contains a field outside the consented categories")
  void projectionStaysInsideConsent(
      @ForAll @Size(min = 1, max = 6) @UniqueElements List<@net.jqwik.api.From("category") PiCategory> consented,
      @ForAll @Size(max = 8) @UniqueElements List<@net.jqwik.api.From("field") String> requested,
      @ForAll LegalBasis basis, @ForAll boolean nonPersonalPass) {
    InMemoryConsentStore store = new InMemoryConsentStore();
    ConsentGuard guard = ConsentGuard.builder().store(store).recorder(new InMemoryAuditRecorder())
        .clock(new MutableClock(GovFixtures.T0)).nonPersonalFieldsPass(nonPersonalPass).build();
    ConsentRecord.Builder b = ConsentRecord.builder("C-1", "R-1", basis).purposes("p").categories(consented)
        .valid(GovFixtures.T0.minus(Duration.ofDays(1)), null)
        .evidence(basis.consentBased() ? CollectionMethod.WRITTEN_FORM : CollectionMethod.BY_LAW, "ev");
    guard.grant(Actor.user("u"), b.build());
    Projection p = guard.project(Actor.user("u"), "p", Resident.ADULT, requested);

    TypeSchema schema = Schemas.of(Resident.class);
    Set<PiCategory> allowed = EnumSet.copyOf(consented);
    for (String name : p.fields().keySet()) {
      FieldSchema f = schema.field(name).orElseThrow();
      assertTrue(requested.contains(name), name + " was not requested");
      assertTrue(allowed.containsAll(f.categories()), name + " " + f.categories() + " outside " + allowed);
      assertTrue(!f.sensitive() || basis.coversSensitive(), name + " is sensitive, basis " + basis);
      assertTrue(f.personalInformation() || f.subjectId() || nonPersonalPass, name + " is not personal");
    }
    for (String name : requested) {
      assertTrue(p.fields().containsKey(name) ^ p.withheld().containsKey(name), name + " is returned xor withheld");
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<PiCategory> category() {
    return net.jqwik.api.Arbitraries.of(CATEGORIES);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> field() {
    return net.jqwik.api.Arbitraries.of(FIELDS);
  }
}
