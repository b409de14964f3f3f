package se.samla.deviation.core.deviation.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import se.samla.deviation.core.common.domain.ServiceZone;

/** The year in a case number is the year in the service zone, whatever the clock's zone. */
class CaseNumberGeneratorTest {

  /** 23:30 UTC on New Year's Eve: 2027 in Stockholm, 2026 in New York and UTC. */
  static final Clock NEW_YEARS_EVE =
      Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);

  @Test
  void theYearIsTheServiceZonesYear() {
    assertThat(generator(ServiceZone.defaults()).next()).isEqualTo("SAMLA-2027-000001");
    assertThat(generator(new ServiceZone(ZoneId.of("America/New_York"))).next())
        .isEqualTo("SAMLA-2026-000001");
    assertThat(generator(new ServiceZone(ZoneOffset.UTC)).next()).isEqualTo("SAMLA-2026-000001");
  }

  private static CaseNumberGenerator generator(ServiceZone zone) {
    JdbcTemplate jdbc = mock(JdbcTemplate.class);
    when(jdbc.queryForObject(anyString(), eq(Integer.class), eq("SAMLA"), eq(2026))).thenReturn(1);
    when(jdbc.queryForObject(anyString(), eq(Integer.class), eq("SAMLA"), eq(2027))).thenReturn(1);
    return new CaseNumberGenerator(
        jdbc,
        mock(PlatformTransactionManager.class),
        NEW_YEARS_EVE,
        zone,
        new CaseNumberProperties("SAMLA"));
  }
}
