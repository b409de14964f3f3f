package se.samla.deviation.medcontrol;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import se.samla.deviation.core.CoreConfiguration;

/** Core plus the integration (auto-configured), as the application runs them, without the web. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CoreConfiguration.class)
public class MedControlTestApplication {}
