package se.samla.deviation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Outside the dev profile without the SITHS registration nobody could log in: refuse to start. */
@ExtendWith(OutputCaptureExtension.class)
class MissingSamlRegistrationIT {

  @Test
  void refusesToStartWithoutTheSithsRegistration(CapturedOutput output) {
    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(DeviationApplication.class)
                    .run(
                        "--spring.profiles.active=",
                        "--server.port=0",
                        "--deviation.embedded-database.enabled=true",
                        "--deviation.embedded-database.data-directory=",
                        "--deviation.scheduling.enabled=false",
                        "--deviation.demo-data.enabled=false",
                        "--deviation.patient.active-key-id=test-1",
                        "--deviation.patient.keys.test-1=2/DQRHhpSWjsiQ9eikeJGa+0mkR6LNktUZlGnUqHZa0=",
                        "--deviation.patient.pseudonym-key=KZEoxO0rnwtTZrg2YEK4IucrHkYrgpr8dfrLPx6ASVg=")
                    .close());

    assertThat(failure).isNotNull();
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("SITHS login is not configured")
        .contains("spring.security.saml2.relyingparty.registration.siths.");
  }
}
