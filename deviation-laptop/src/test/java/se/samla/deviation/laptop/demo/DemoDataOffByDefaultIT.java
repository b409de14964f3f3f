package se.samla.deviation.laptop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samla.deviation.core.CoreTestApplication;

/** On the embedded database, but without deviation.demo-data.enabled: no demo data. */
@SpringBootTest(
    classes = CoreTestApplication.class,
    properties = "deviation.embedded-database.enabled=true")
class DemoDataOffByDefaultIT {

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  void demoDataLoadsOnlyWhenAskedFor() {
    assertThat(context.getBeanNamesForType(DemoDataLoader.class)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from organisation where hsa_id = ?",
                Integer.class,
                DemoLandscape.REGION))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from deviation", Integer.class)).isZero();
  }
}
