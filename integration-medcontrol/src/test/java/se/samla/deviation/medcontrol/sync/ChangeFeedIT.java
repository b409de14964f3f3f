package se.samla.deviation.medcontrol.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samla.deviation.medcontrol.MedControlIntegrationTest;
import se.samla.deviation.medcontrol.MedControlProperties;
import se.samla.deviation.medcontrol.client.ChangePage;
import se.samla.deviation.medcontrol.client.RemoteCase;
import se.samla.deviation.medcontrol.simulator.MedControlCase;

/**
 * The change-feed poll under concurrency, crashes, paging edges and a failing database: every
 * remote (case, version) is applied here exactly once and the cursor only moves past what is
 * committed.
 */
@MedControlIntegrationTest
class ChangeFeedIT extends SyncTestSupport {

  @Autowired MedControlProperties config;
  @Autowired SyncMetrics metrics;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  /**
   * Defence: the inbox key (case, version), inserted first in each item's transaction, and the
   * unique link per case. Two extra pollers race the leader's route over the same page.
   */
  @Test
  void pollingFromThreeThreadsAtOnceImportsEachCaseOnce() throws Exception {
    List<MedControlCase> cases;
    int requestsBefore = sim.requestCount("GET", "/api/v1/changes");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> polls = new ArrayList<>();
    stopChangeFeedRoute();
    try {
      cases = IntStream.range(0, 6).mapToObj(i -> remoteCaseForUs()).toList();
      CountDownLatch start = new CountDownLatch(1);
      for (int i = 0; i < 2; i++) {
        polls.add(
            pool.submit(
                () -> {
                  start.await();
                  return poller.pollOnce();
                }));
      }
      start.countDown();
    } finally {
      startChangeFeedRoute();
    }
    for (Future<Integer> poll : polls) {
      try {
        poll.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // A poll may lose a race on the database and fail: the next poll reads the page again.
      }
    }
    pool.shutdown();

    cases.forEach(c -> imported(c.id()));
    assertThat(sim.requestCount("GET", "/api/v1/changes"))
        .isGreaterThanOrEqualTo(requestsBefore + 2);
    for (MedControlCase c : cases) {
      assertThat(deviationsOfCase(c.id())).as("deviations of %s", c.id()).isEqualTo(1);
      assertThat(inboxRows(c.id())).isEqualTo(1);
      assertThat(ledger.inboxOutcome(c.id(), c.version())).isEqualTo("CREATED");
    }
  }

  /**
   * Defence: the cursor moves only after the page's items are committed, and a re-read page is made
   * harmless by the inbox. The "crash" is a page applied by hand without moving the cursor.
   */
  @Test
  void aPageAppliedBeforeACrashIsNotAppliedAgainAndTheCursorThenMoves() throws Exception {
    stopChangeFeedRoute();
    try {
      drainFeed();
      List<MedControlCase> cases = IntStream.range(0, 3).mapToObj(i -> remoteCaseForUs()).toList();
      String before = cursor().orElse(null);
      ChangePage page = client.changes(before, config.pageSize());
      assertThat(page.items())
          .extracting(RemoteCase::id)
          .containsAll(cases.stream().map(MedControlCase::id).toList());
      page.items().forEach(inbound::receive);
      // crash: the process dies here, before the cursor is moved
      assertThat(cursor().orElse(null)).isEqualTo(before);
      Map<String, Long> versionsHere = new HashMap<>();
      for (MedControlCase c : cases) {
        versionsHere.put(c.id(), here(imported(c.id())).version());
      }

      int seen = poller.pollOnce();

      assertThat(seen).isGreaterThanOrEqualTo(cases.size()); // the page was read again
      assertThat(cursor().orElse(null)).isNotEqualTo(before);
      for (MedControlCase c : cases) {
        assertThat(deviationsOfCase(c.id())).isEqualTo(1);
        assertThat(inboxRows(c.id())).isEqualTo(1);
        assertThat(ledger.inboxOutcome(c.id(), c.version())).isEqualTo("CREATED");
        assertThat(here(ledger.deviationOfCase(c.id())).version())
            .isEqualTo(versionsHere.get(c.id()));
      }
    } finally {
      startChangeFeedRoute();
    }
  }

  /**
   * Defence: the poller moves on by the remote's opaque cursor (modifiedAt and id), not by the
   * newest modifiedAt it saw, so cases that share a modifiedAt across a page boundary are all read.
   * Pages of two: five cases with one modifiedAt span three pages.
   */
  @Test
  void casesWithEqualModifiedAtAcrossAPageBoundaryAreAllImportedOnce() throws Exception {
    ChangeFeedPoller smallPages =
        new ChangeFeedPoller(
            syncControl,
            feedCursor,
            client,
            inbound,
            metrics,
            new TransactionTemplate(transactions),
            withPageSize(config, 2),
            clock);
    stopChangeFeedRoute();
    try {
      drainFeed();
      Instant t = sim.now();
      List<MedControlCase> cases;
      sim.freezeAt(t);
      try {
        cases = IntStream.range(0, 5).mapToObj(i -> remoteCaseForUs()).toList();
      } finally {
        sim.setClock(Clock.systemUTC());
      }
      assertThat(cases).extracting(MedControlCase::modifiedAt).containsOnly(t);
      int requestsBefore = sim.requestCount("GET", "/api/v1/changes");

      for (int i = 0;
          i < 5 && !cases.stream().allMatch(c -> ledger.deviationOfCase(c.id()) != null);
          i++) {
        smallPages.pollOnce();
      }

      assertThat(sim.requestCount("GET", "/api/v1/changes") - requestsBefore)
          .as("pages read")
          .isGreaterThanOrEqualTo(3);
      for (MedControlCase c : cases) {
        assertThat(deviationsOfCase(c.id())).as("deviations of %s", c.id()).isEqualTo(1);
        assertThat(inboxRows(c.id())).isEqualTo(1);
        assertThat(ledger.inboxOutcome(c.id(), c.version())).isEqualTo("CREATED");
      }
    } finally {
      sim.setClock(Clock.systemUTC());
      startChangeFeedRoute();
    }
  }

  /**
   * "The database down" here: from the middle of a page on, the database refuses to record the
   * page's next item (a trigger on the inbox raises SQLSTATE 57P03 "cannot connect now" for it), so
   * the first item commits and the second fails inside the poll; the poll throws before the cursor
   * moves. The connection pool stays up; this is the database failing a statement, not a network
   * partition. Defence: per-item transactions, cursor moved by compare-and-set after the items, and
   * the inbox making the re-read first item a no-op.
   */
  @Test
  void aDatabaseFailureDuringAPollLeavesTheCursorAndTheNextPollAppliesEachItemOnce()
      throws Exception {
    stopChangeFeedRoute();
    try {
      drainFeed();
      MedControlCase first = remoteCaseForUs();
      MedControlCase second = remoteCaseForUs();
      String before = cursor().orElse(null);
      jdbc.execute(
          """
          create or replace function medcontrol_test_refuse() returns trigger language plpgsql as $$
          begin
              raise exception 'database unavailable (test)' using errcode = '57P03';
          end;
          $$
          """);
      jdbc.execute(
          "create trigger medcontrol_test_down before insert on medcontrol_inbox for each row"
              + " when (new.case_id = '"
              + second.id()
              + "') execute function medcontrol_test_refuse()");
      try {
        assertThatThrownBy(poller::pollOnce).isInstanceOf(DataAccessException.class);

        assertThat(cursor().orElse(null)).isEqualTo(before);
        assertThat(deviationsOfCase(first.id())).isEqualTo(1);
        assertThat(deviationsOfCase(second.id())).isZero();
        assertThat(inboxRows(second.id())).isZero();
      } finally {
        jdbc.execute("drop trigger if exists medcontrol_test_down on medcontrol_inbox");
        jdbc.execute("drop function if exists medcontrol_test_refuse()");
      }
      long firstVersionHere = here(ledger.deviationOfCase(first.id())).version();

      poller.pollOnce();

      assertThat(cursor().orElse(null)).isNotEqualTo(before);
      for (MedControlCase c : List.of(first, second)) {
        assertThat(deviationsOfCase(c.id())).isEqualTo(1);
        assertThat(inboxRows(c.id())).isEqualTo(1);
        assertThat(ledger.inboxOutcome(c.id(), c.version())).isEqualTo("CREATED");
      }
      assertThat(here(ledger.deviationOfCase(first.id())).version()).isEqualTo(firstVersionHere);
    } finally {
      startChangeFeedRoute();
    }
  }

  private static MedControlProperties withPageSize(MedControlProperties p, int pageSize) {
    return new MedControlProperties(
        p.enabled(),
        p.baseUrl(),
        p.tokenUrl(),
        p.clientId(),
        p.clientSecret(),
        p.scope(),
        p.connectTimeout(),
        p.responseTimeout(),
        p.batchSize(),
        p.concurrency(),
        p.relayInterval(),
        p.pollInterval(),
        pageSize,
        50,
        p.leaderLease(),
        p.lease(),
        p.retry(),
        p.rateLimit(),
        p.circuitBreaker(),
        p.retention());
  }
}
