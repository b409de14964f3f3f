package se.samla.deviation.core.deviation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samla.deviation.core.fixtures.Registrations.aDeviation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.fixtures.CoreIntegrationTest;
import se.samla.deviation.core.fixtures.Personas;
import se.samla.deviation.core.fixtures.TestCare;
import se.samla.deviation.core.organisation.application.MasterData;

@CoreIntegrationTest
class CaseNumberConcurrencyIT {

  static final int THREADS = 8;
  static final int PER_THREAD = 100;

  @Autowired DeviationWorkflow workflow;
  @Autowired MasterData masterData;

  @Test
  void eightThreadsTimesOneHundredRegistrationsGiveEightHundredUniqueCaseNumbers()
      throws Exception {
    TestCare.install(masterData);
    Set<String> caseNumbers = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Actor reporter = Personas.wardNurse();
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < PER_THREAD; i++) {
                    caseNumbers.add(workflow.register(aDeviation().build(), reporter).caseNumber());
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(caseNumbers)
        .hasSize(THREADS * PER_THREAD)
        .allMatch(n -> n.matches("SAMLA-2026-\\d{6}"));
  }
}
