package ${package}.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.internal.LoggingManagerRegistry;

class LogbackLoggingManagerTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Level rootLevel = context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
  private final LogbackLoggingManager manager = new LogbackLoggingManager();

  @AfterEach
  void restoreLevels() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
    JsonLogConfigurator.LEVELS.forEach(
        (name, level) -> {
          if (!Logger.ROOT_LOGGER_NAME.equals(name)) {
            context.getLogger(name).setLevel(level);
          }
        });
  }

  @Test
  void powertools_findsThisManagerThroughServiceLoading() {
    assertThat(LoggingManagerRegistry.getLoggingManager())
        .isInstanceOf(LogbackLoggingManager.class);
  }

  @Test
  void setLogLevel_debug_reachesTheServiceButNotTheChattyLibraries() {
    manager.setLogLevel(org.slf4j.event.Level.DEBUG);

    assertThat(manager.getLogLevel(LoggerFactory.getLogger("${package}.any")))
        .isEqualTo(org.slf4j.event.Level.DEBUG);
    assertThat(manager.getLogLevel(LoggerFactory.getLogger("software.amazon.awssdk.request")))
        .isEqualTo(org.slf4j.event.Level.WARN);
  }

  @Test
  void setLogLevel_error_quietsTheLibrariesToo() {
    manager.setLogLevel(org.slf4j.event.Level.ERROR);

    assertThat(manager.getLogLevel(LoggerFactory.getLogger("${package}.any")))
        .isEqualTo(org.slf4j.event.Level.ERROR);
    assertThat(manager.getLogLevel(LoggerFactory.getLogger("com.amazonaws.xray.AWSXRay")))
        .isEqualTo(org.slf4j.event.Level.ERROR);
  }

  @Test
  void getLogLevel_readsOffAsError() {
    context.getLogger("quiet").setLevel(Level.OFF);

    assertThat(manager.getLogLevel(LoggerFactory.getLogger("quiet")))
        .isEqualTo(org.slf4j.event.Level.ERROR);
  }
}
