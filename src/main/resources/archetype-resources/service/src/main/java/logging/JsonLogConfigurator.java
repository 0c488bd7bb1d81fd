package ${package}.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Map;

/**
 * The service's logging set-up, found by Logback through service loading: JSON lines on standard
 * output ({@link PowertoolsJsonEncoder}), which Lambda sends to the function's log group.
 *
 * <p>It is code rather than a {@code logback.xml}: reading XML would load Logback's configuration
 * framework and the JDK's XML parser, several hundred classes on every cold start, and the Lambda
 * jar leaves that framework out. A {@code logback-test.xml} or {@code logback.xml} on the class
 * path takes over where the framework is there (the tests' one does); in the Lambda jar, such a
 * file is reported and these JSON logs stay.
 */
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {

  /** Levels by logger name: the SDK and X-Ray are chatty at INFO and below. */
  static final Map<String, Level> LEVELS =
      Map.of(
          Logger.ROOT_LOGGER_NAME,
          Level.INFO,
          "software.amazon.awssdk",
          Level.WARN,
          "com.amazonaws.xray",
          Level.WARN);

  private static final List<String> CONFIGURATION_FILES =
      List.of("logback-test.xml", "logback.xml");
  private static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";
  private static final String XML_CONFIGURATOR =
      "ch.qos.logback.classic.util.DefaultJoranConfigurator";

  /** Public with no arguments: Logback creates it through service loading. */
  public JsonLogConfigurator() {
    super();
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    String xml = xmlConfiguration();
    if (xml != null) {
      if (resource(XML_CONFIGURATOR.replace('.', '/') + ".class")) {
        return ExecutionStatus.INVOKE_NEXT_IF_ANY;
      }
      addWarn(
          xml
              + " is ignored: the Lambda jar leaves out Logback's XML configuration (see the"
              + " ch.qos.logback filter note in service/pom.xml); logging JSON as configured by "
              + JsonLogConfigurator.class.getName());
    }
    return configureJson(context);
  }

  /** The XML file Logback would read: the one its property names, else one on the class path. */
  private static String xmlConfiguration() {
    String named = System.getProperty(CONFIGURATION_FILE_PROPERTY);
    if (named != null) {
      return named;
    }
    for (String file : CONFIGURATION_FILES) {
      if (resource(file)) {
        return file;
      }
    }
    return null;
  }

  // Logback looks its files up through its own class loader, not the thread's: so does this.
  @SuppressWarnings("PMD.UseProperClassLoader")
  private static boolean resource(String name) {
    return JsonLogConfigurator.class.getClassLoader().getResource(name) != null;
  }

  /** JSON lines on standard output, at the levels of {@link #LEVELS}. */
  ExecutionStatus configureJson(LoggerContext context) {
    PowertoolsJsonEncoder encoder = new PowertoolsJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("json");
    console.setEncoder(encoder);
    console.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
