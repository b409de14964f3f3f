package se.samla.deviation.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import se.samla.deviation.core.CoreConfiguration;

/** Avvikelser i samverkan: the executable application. */
@SpringBootApplication
@Import(CoreConfiguration.class)
public class DeviationApplication {

  public static void main(String[] args) {
    SpringApplication.run(DeviationApplication.class, args);
  }
}
