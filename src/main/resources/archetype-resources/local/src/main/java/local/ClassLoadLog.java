package ${package}.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the classes a JVM loaded, from the log of {@code -Xlog:class+load}: the JVM option that
 * writes it, and the count up to a moment of the JVM's uptime. Starts with this option are kept
 * apart from the timed ones, so that the logging does not distort the timings.
 */
final class ClassLoadLog {

  private static final Pattern LOADED = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].* source:");

  private ClassLoadLog() {}

  /** The JVM option that logs each loaded class, with the JVM's uptime, to {@code log}. */
  static String jvmOption(Path log) {
    return "-Xlog:class+load=info:file=" + log.toAbsolutePath() + ":uptime";
  }

  /** How many classes the log names as loaded within {@code uptimeMs} of the JVM's start. */
  static int loadedWithin(Path log, double uptimeMs) throws IOException {
    int count = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher loaded = LOADED.matcher(line);
      if (loaded.find() && Double.parseDouble(loaded.group(1)) * 1000 <= uptimeMs) {
        count++;
      }
    }
    return count;
  }
}
