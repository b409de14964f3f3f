package se.samla.deviation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Outside the dev profile there are no patient data keys, and the application must refuse to start,
 * saying which properties to set, without printing any key material.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingPatientKeysIT {

  /** 16 bytes: too short to be a data key. Must never be printed. */
  private static final String SHORT_KEY =
      Base64.getEncoder().encodeToString("NOT-A-REAL-KEY!!".getBytes());

  @Test
  void refusesToStartWithoutPatientKeys(CapturedOutput output) {
    Throwable failure = catchThrowable(() -> start());

    assertThat(failure).isNotNull();
    assertThat(chain(failure)).contains("deviation.patient");
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The patient data keys (deviation.patient.*) are missing or invalid")
        .contains("deviation.patient.keys must contain at least one key")
        .contains("deviation.patient.active-key-id must be set")
        .contains("--spring.profiles.active=dev");
  }

  @Test
  void refusesToStartWithAnInvalidKeyWithoutPrintingIt(CapturedOutput output) {
    Throwable failure =
        catchThrowable(
            () ->
                start(
                    "--deviation.patient.keys.prod-1=" + SHORT_KEY,
                    "--deviation.patient.active-key-id=prod-1"));

    assertThat(failure).isNotNull();
    assertThat(output.getAll())
        .contains("deviation.patient.keys.prod-1 must be base64 of exactly 32 bytes")
        .contains("deviation.patient.pseudonym-key must be base64 of at least 32 bytes");
    assertThat(output.getAll() + chain(failure))
        .doesNotContain(SHORT_KEY)
        .doesNotContain(SHORT_KEY.substring(0, 12));
  }

  private static void start(String... extraArgs) {
    String[] args = {
      "--spring.profiles.active=",
      "--server.port=0",
      "--deviation.embedded-database.enabled=true",
      "--deviation.embedded-database.data-directory=",
      "--deviation.scheduling.enabled=false",
      "--deviation.demo-data.enabled=false"
    };
    String[] all = new String[args.length + extraArgs.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extraArgs, 0, all, args.length, extraArgs.length);
    new SpringApplicationBuilder(DeviationApplication.class)
        .web(WebApplicationType.NONE)
        .run(all)
        .close();
  }

  private static String chain(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
