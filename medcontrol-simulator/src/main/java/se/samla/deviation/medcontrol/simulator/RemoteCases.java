package se.samla.deviation.medcontrol.simulator;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What people do in MedControl PRO itself: register cases (no {@code sourceReference}) and change
 * cases (handler, status, answer, closure). Each change is version + 1 and modifiedAt now, and
 * shows in the change feed.
 *
 * <pre>{@code
 * MedControlCase c = sim.remote().createCase("SE2321000016-A1", "SE2321000016-B2");
 * sim.remote().update(c.id(), ch -> ch.handler("SE2321000016-H1", "Hanna Handläggare")
 *     .status("IN_PROGRESS"));
 * }</pre>
 */
public final class RemoteCases {

  private final CaseStore store;
  private final SimulatorClock clock;

  RemoteCases(CaseStore store, SimulatorClock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Registers a case in MedControl PRO from one unit to another, with defaults for the rest. */
  public MedControlCase createCase(String reportingUnitHsaId, String receivingUnitHsaId) {
    return createCase(c -> c.reportingUnit(reportingUnitHsaId).receivingUnit(receivingUnitHsaId));
  }

  /**
   * Registers a case in MedControl PRO, described by the spec; throws IllegalArgumentException when
   * it breaks the contract's rules (e.g. an unknown category).
   */
  public MedControlCase createCase(Consumer<NewCase> spec) {
    NewCase newCase = new NewCase(clock.now());
    spec.accept(newCase);
    return store.createRemote(newCase.fields());
  }

  /** Changes a case in MedControl PRO; throws IllegalArgumentException for an unknown id. */
  public MedControlCase update(String caseId, Consumer<Change> change) {
    Change c = new Change();
    change.accept(c);
    return store.updateRemote(caseId, c.fields);
  }

  /** A case as registered in MedControl PRO; unset fields get plausible defaults. */
  public static final class NewCase {
    private static final Set<String> SETTABLE =
        Set.of(
            "occurredAt",
            "reportedAt",
            "reportingUnitHsaId",
            "receivingUnitHsaId",
            "category",
            "description",
            "immediateActions",
            "consequence",
            "probability",
            "patientIdentityNumber",
            "reporter");
    private final ObjectNode fields = Json.object();

    NewCase(Instant now) {
      fields.put("occurredAt", now.toString());
      fields.put("reportedAt", now.toString());
      fields.put("reportingUnitHsaId", "SE2321000016-REP1");
      fields.put("receivingUnitHsaId", "SE2321000016-REC1");
      fields.put("category", "SAM-01");
      fields.put("description", "Avvikelse registrerad i MedControl PRO");
      ObjectNode reporter = fields.putObject("reporter");
      reporter.put("hsaId", "SE2321000016-MC01");
      reporter.put("name", "Rapportör i MedControl");
    }

    public NewCase reportingUnit(String hsaId) {
      fields.put("reportingUnitHsaId", Objects.requireNonNull(hsaId));
      return this;
    }

    public NewCase receivingUnit(String hsaId) {
      fields.put("receivingUnitHsaId", Objects.requireNonNull(hsaId));
      return this;
    }

    public NewCase category(String code) {
      fields.put("category", code);
      return this;
    }

    public NewCase description(String text) {
      fields.put("description", text);
      return this;
    }

    public NewCase immediateActions(String text) {
      fields.put("immediateActions", text);
      return this;
    }

    public NewCase occurredAt(Instant at) {
      fields.put("occurredAt", at.toString());
      return this;
    }

    public NewCase reportedAt(Instant at) {
      fields.put("reportedAt", at.toString());
      return this;
    }

    public NewCase consequence(Integer value) {
      fields.put("consequence", value);
      return this;
    }

    public NewCase probability(Integer value) {
      fields.put("probability", value);
      return this;
    }

    public NewCase patientIdentityNumber(String twelveDigits) {
      fields.put("patientIdentityNumber", twelveDigits);
      return this;
    }

    public NewCase reporter(String hsaId, String name) {
      ObjectNode reporter = fields.putObject("reporter");
      reporter.put("hsaId", hsaId);
      reporter.put("name", name);
      return this;
    }

    /** Overlays the fields of a {@code CaseCreate}-shaped object (used by the HTTP control API). */
    NewCase from(ObjectNode body) {
      body.fields()
          .forEachRemaining(
              e -> {
                if (SETTABLE.contains(e.getKey())) {
                  fields.set(e.getKey(), e.getValue().deepCopy());
                }
              });
      return this;
    }

    ObjectNode fields() {
      return fields;
    }
  }

  /** A change made in MedControl PRO, in the shape of the contract's {@code CaseUpdate}. */
  public static final class Change {
    private final ObjectNode fields = Json.object();

    /** One of the contract's statuses, e.g. {@code IN_PROGRESS}. */
    public Change status(String status) {
      fields.put("status", status);
      return this;
    }

    public Change receivingUnit(String hsaId) {
      fields.put("receivingUnitHsaId", hsaId);
      return this;
    }

    public Change handler(String hsaId, String name) {
      ObjectNode handler = fields.putObject("handler");
      handler.put("hsaId", hsaId);
      handler.put("name", name);
      return this;
    }

    public Change clearHandler() {
      fields.set("handler", NullNode.getInstance());
      return this;
    }

    public Change answer(String investigation, String causes, String measures, Instant answeredAt) {
      ObjectNode answer = fields.putObject("answer");
      answer.put("investigation", investigation);
      answer.put("causes", causes);
      answer.put("measures", measures);
      answer.put("answeredAt", answeredAt.toString());
      return this;
    }

    public Change closedAt(Instant at) {
      if (at == null) {
        fields.set("closedAt", NullNode.getInstance());
      } else {
        fields.put("closedAt", at.toString());
      }
      return this;
    }

    /** The receiving side's risk assessment in MedControl PRO: both levels together. */
    public Change risk(int consequence, int probability) {
      fields.put("consequence", consequence);
      fields.put("probability", probability);
      return this;
    }

    public Change comment(String text) {
      fields.put("comment", text);
      return this;
    }

    /** Sets fields from a {@code CaseUpdate}-shaped JSON object (used by the HTTP control API). */
    Change from(ObjectNode update) {
      update.fields().forEachRemaining(e -> fields.set(e.getKey(), e.getValue().deepCopy()));
      return this;
    }
  }
}
