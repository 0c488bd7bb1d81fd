package ${package}.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLogConfiguratorTest {

  @Test
  void configure_leavesTheContextToTheTestsLogbackXml() {
    // The tests' class path holds logback-test.xml and Logback's XML configuration.
    LoggerContext context = new LoggerContext();
    JsonLogConfigurator configurator = new JsonLogConfigurator();
    configurator.setContext(context);

    assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(appenders(context.getLogger(Logger.ROOT_LOGGER_NAME))).isEmpty();
  }

  @Test
  void configure_leavesTheContextToAFileNamedByLogbacksProperty() {
    LoggerContext context = new LoggerContext();
    JsonLogConfigurator configurator = new JsonLogConfigurator();
    configurator.setContext(context);
    System.setProperty("logback.configurationFile", "/etc/service/logback.xml");
    try {
      assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void configureJson_logsJsonToStandardOutputAtTheServiceLevels() {
    LoggerContext context = new LoggerContext();
    JsonLogConfigurator configurator = new JsonLogConfigurator();
    configurator.setContext(context);
    ExecutionStatus status = configurator.configureJson(context);

    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    List<Appender<ILoggingEvent>> appenders = appenders(context.getLogger(Logger.ROOT_LOGGER_NAME));
    assertThat(appenders)
        .singleElement()
        .satisfies(
            appender -> {
              assertThat(appender.isStarted()).isTrue();
              assertThat(((OutputStreamAppender<ILoggingEvent>) appender).getEncoder())
                  .isInstanceOf(PowertoolsJsonEncoder.class);
            });
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("software.amazon.awssdk.request").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("com.amazonaws.xray").getLevel()).isEqualTo(Level.WARN);
  }

  private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    logger.iteratorForAppenders().forEachRemaining(appenders::add);
    return appenders;
  }
}
