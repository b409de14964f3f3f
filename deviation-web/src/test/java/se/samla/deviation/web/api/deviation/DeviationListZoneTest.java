package se.samla.deviation.web.api.deviation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import se.samla.deviation.core.access.domain.Actor;
import se.samla.deviation.core.common.application.PageResult;
import se.samla.deviation.core.common.domain.ServiceZone;
import se.samla.deviation.core.deviation.application.DeviationListQuery;
import se.samla.deviation.core.deviation.application.DeviationQueries;
import se.samla.deviation.core.deviation.application.DeviationWorkflow;
import se.samla.deviation.core.fixtures.Personas;

/** The list filters {@code from} and {@code to} are whole days in the service zone. */
class DeviationListZoneTest {

  @Test
  void fromAndToAreDaysInStockholmByDefault() {
    DeviationListQuery query = listFrom1To2July(ServiceZone.defaults());

    assertThat(query.from()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2026-07-02T22:00:00Z"));
  }

  @Test
  void fromAndToFollowTheConfiguredZone() {
    DeviationListQuery query = listFrom1To2July(new ServiceZone(ZoneId.of("America/New_York")));

    assertThat(query.from()).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2026-07-03T04:00:00Z"));
  }

  private static DeviationListQuery listFrom1To2July(ServiceZone zone) {
    DeviationQueries queries = mock(DeviationQueries.class);
    when(queries.list(any(), any())).thenReturn(new PageResult<>(List.of(), 0, 20, 0));
    Actor actor = Personas.wardNurse();

    new DeviationController(mock(DeviationWorkflow.class), queries, zone)
        .list(
            actor,
            "reported",
            null,
            null,
            null,
            LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 7, 2),
            false,
            null,
            0,
            20);

    ArgumentCaptor<DeviationListQuery> query = ArgumentCaptor.forClass(DeviationListQuery.class);
    verify(queries).list(query.capture(), any());
    return query.getValue();
  }
}
