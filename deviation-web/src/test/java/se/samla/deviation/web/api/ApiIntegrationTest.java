package se.samla.deviation.web.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application behind MockMvc on a throw-away embedded PostgreSQL, with test-only patient
 * keys. All API tests share this one context (and database): they make their own reporters and
 * deviations and never count rows they did not make.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "deviation.embedded-database.enabled=true",
      "deviation.embedded-database.data-directory=",
      "deviation.demo-data.enabled=false",
      "deviation.scheduling.enabled=false",
      "deviation.security.bootstrap-admins=SE9999999001-A0001",
      "deviation.patient.active-key-id=test-2026",
      "deviation.patient.keys.test-2026=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      "deviation.patient.pseudonym-key=QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=",
      "logging.level.io.zonky.test.db.postgres=warn"
    })
@AutoConfigureMockMvc
// The laptop profile brings a complete `siths` registration (the development IdP); the API tests
// authenticate on the test side and never go through it.
@ActiveProfiles("dev")
public @interface ApiIntegrationTest {}
