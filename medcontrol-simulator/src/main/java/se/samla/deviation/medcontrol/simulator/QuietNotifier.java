package se.samla.deviation.medcontrol.simulator;

import com.github.tomakehurst.wiremock.common.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends WireMock's own notices to SLF4J instead of the console (WireMock shades its SLF4J). */
final class QuietNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(MedControlSimulator.class);

  @Override
  public void info(String message) {
    LOG.debug("WireMock: {}", message);
  }

  @Override
  public void error(String message) {
    LOG.warn("WireMock: {}", message);
  }

  @Override
  public void error(String message, Throwable t) {
    LOG.warn("WireMock: {} ({})", message, t.getClass().getSimpleName());
  }
}
