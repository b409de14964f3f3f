package se.samla.deviation.medcontrol.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeFeedTest extends SimulatorTest {

  @BeforeEach
  void allUnitsAtAFixedTime() {
    sim.registerAllUnits();
    sim.freezeAt(Instant.parse("2026-09-01T08:00:00Z"));
  }

  @Test
  void anEmptyFeedGivesACursorForTheBeginning() throws Exception {
    var page = client.get("/api/v1/changes").json();

    assertThat(page.get("items")).isEmpty();
    assertThat(page.get("hasMore").asBoolean()).isFalse();
    String cursor = page.get("nextCursor").asText();
    sim.remote().createCase("SE-A", "SE-B");

    var next = client.get("/api/v1/changes?since=" + cursor).json();
    assertThat(next.get("items")).hasSize(1);
  }

  @Test
  void pagesAreInclusiveAndNoItemIsLostWhenManyShareOneModifiedAt() throws Exception {
    // Seven cases at one instant, three at the next: page boundaries fall inside the tie.
    for (int i = 0; i < 7; i++) {
      client.create(ApiClient.newKey(), ApiClient.caseCreate());
    }
    sim.advance(Duration.ofMillis(1));
    for (int i = 0; i < 3; i++) {
      sim.remote().createCase("SE-A", "SE-B");
    }

    List<List<String>> pages = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String since = null;
    boolean more = true;
    while (more) {
      JsonNode page =
          client.get("/api/v1/changes?limit=3" + (since == null ? "" : "&since=" + since)).json();
      List<String> ids = new ArrayList<>();
      page.get("items").forEach(item -> ids.add(item.get("id").asText()));
      pages.add(ids);
      seen.addAll(ids);
      since = page.get("nextCursor").asText();
      more = page.get("hasMore").asBoolean();
      assertThat(pages).hasSizeLessThan(20);
    }

    assertThat(seen).hasSize(10);
    assertThat(pages.get(1).get(0)).isEqualTo(pages.get(0).get(2)); // inclusive: repeats
    assertThat(seen).containsExactlyElementsOf(sim.cases().stream().map(c -> c.id()).toList());
  }

  @Test
  void aChangedCaseMovesToTheEndAtItsCurrentState() throws Exception {
    var first = sim.remote().createCase("SE-A", "SE-B");
    sim.remote().createCase("SE-A", "SE-B");
    String cursor = client.get("/api/v1/changes").json().get("nextCursor").asText();
    sim.advance(Duration.ofSeconds(5));
    sim.remote().update(first.id(), c -> c.status("IN_PROGRESS"));

    var page = client.get("/api/v1/changes?since=" + cursor).json();

    assertThat(page.get("items")).hasSize(2);
    var moved = page.get("items").get(1);
    assertThat(moved.get("id").asText()).isEqualTo(first.id());
    assertThat(moved.get("version").asInt()).isEqualTo(2);
    assertThat(client.get("/api/v1/changes").json().get("items")).hasSize(2);
  }

  @Test
  void anEmptyPageAfterACursorGivesTheSameCursor() throws Exception {
    sim.remote().createCase("SE-A", "SE-B");
    String cursor = client.get("/api/v1/changes").json().get("nextCursor").asText();
    sim.reset();

    var page = client.get("/api/v1/changes?since=" + cursor).json();

    assertThat(page.get("items")).isEmpty();
    assertThat(page.get("nextCursor").asText()).isEqualTo(cursor);
  }

  @Test
  void remoteCasesOfUnregisteredUnitsStayOutOfTheFeed() throws Exception {
    sim.registeredUnits(Set.of("SE-OURS"));
    var toUs = sim.remote().createCase("SE-OTHER", "SE-OURS");
    var fromUs = sim.remote().createCase("SE-OURS", "SE-OTHER");
    sim.remote().createCase("SE-OTHER", "SE-THIRD");
    var ours = client.create(ApiClient.newKey(), ApiClient.caseCreate()).json();

    var items = client.get("/api/v1/changes").json().get("items");

    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    assertThat(ids).containsExactly(toUs.id(), fromUs.id(), ours.get("id").asText());
  }

  @Test
  void badCursorsAndLimitsAreBadRequests() throws Exception {
    assertThat(client.get("/api/v1/changes?since=not-a-cursor!").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/changes?since=Z2FyYmFnZQ").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/changes?limit=0").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/changes?limit=501").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/changes?limit=ten").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/changes?limit=500").status()).isEqualTo(200);
  }
}
