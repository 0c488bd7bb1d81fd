package ${package}.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * How Powertools reads and sets log levels on Logback ({@code POWERTOOLS_LOG_LEVEL}, Lambda's
 * {@code AWS_LAMBDA_LOG_LEVEL}, the debug sampling of {@code POWERTOOLS_LOGGER_SAMPLE_RATE}). Found
 * by Powertools through service loading.
 */
public final class LogbackLoggingManager implements LoggingManager {

  /** Public with no arguments: Powertools creates it through service loading. */
  public LogbackLoggingManager() {
    super();
  }

  /**
   * The root logger takes the level. The chatty libraries of {@link JsonLogConfigurator#LEVELS}
   * follow it when it is stricter than their own level, and keep theirs otherwise: {@code ERROR}
   * quiets them too, {@code DEBUG} does not flood the log with SDK wire details.
   */
  @Override
  public void setLogLevel(org.slf4j.event.Level level) {
    Level requested = Level.toLevel(level.toString());
    LoggerContext context = context();
    for (Map.Entry<String, Level> entry : JsonLogConfigurator.LEVELS.entrySet()) {
      Level own = entry.getValue();
      boolean root = Logger.ROOT_LOGGER_NAME.equals(entry.getKey());
      context
          .getLogger(entry.getKey())
          .setLevel(root || requested.isGreaterOrEqual(own) ? requested : own);
    }
  }

  @Override
  public org.slf4j.event.Level getLogLevel(Logger logger) {
    Level level = context().getLogger(logger.getName()).getEffectiveLevel();
    if (level.levelInt >= Level.ERROR_INT) {
      // OFF has no SLF4J counterpart: nothing below ERROR is logged either way.
      return org.slf4j.event.Level.ERROR;
    }
    return level.levelInt <= Level.TRACE_INT
        ? org.slf4j.event.Level.TRACE
        : org.slf4j.event.Level.valueOf(level.toString());
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }
}
