package se.samla.deviation.medcontrol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sync against the simulator on a real (embedded) PostgreSQL. All such tests share one context,
 * one database and one simulator: they make their own deviations and remote cases, and never count
 * rows they did not make.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MedControlTestApplication.class)
@ContextConfiguration(initializers = SimulatorInitializer.class)
public @interface MedControlIntegrationTest {}
