package ${package}.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's tables: per target and JAVA_TOOL_OPTIONS variant, the cold-start figures with
 * their ratio to the bare handler's under the same options, the classes loaded by the first
 * response, and the warm latency.
 */
final class ColdStartReport {

  private static final String COLD_ROW = "%-12s %-8s %7s %7s %6s %6s %6s %6s %7s %5s %7s  %s%n";
  private static final String WARM_ROW = "%-12s %-8s %9s %9s %9s%n";

  private ColdStartReport() {}

  /** A start that answered 5xx measured an error path: a jar missing a class fails here. */
  static void requireNoServerErrors(Map<Row, List<Run>> cold, Path logs) {
    cold.forEach(
        (row, runs) ->
            runs.stream()
                .filter(Run::answeredServerError)
                .findFirst()
                .ifPresent(
                    run -> {
                      throw new IllegalStateException(
                          row.target() + " answered " + run.statuses() + "; see " + logs);
                    }));
  }

  /** The figures of one start, in milliseconds and MiB. */
  record Run(
      double readyMs,
      double firstResponseMs,
      double firstRequestMs,
      double secondRequestMs,
      double peakRssMib,
      String statuses) {

    /** Whether either response was a 5xx. */
    boolean answeredServerError() {
      return Arrays.stream(statuses.split(",")).anyMatch(status -> status.startsWith("5"));
    }
  }

  /** A row: a target started with the stack's options or without them. */
  record Row(String target, String variant) {}

  /** Median, p90 and p99 of the warm invocations of one JVM, in ms. */
  record Warm(double median, double p90, double p99) {}

  /** What the run measured: the machine, its load, the jar and the stack's options. */
  static String header(
      BenchmarkOptions options, String loadBefore, String loadAfter, Map<String, String> stack)
      throws IOException {
    long jarBytes = Files.size(options.jar());
    return String.format(
        Locale.ROOT,
        "%nCold starts under the Lambda runtime client: %d per row after %d not counted; JDK %s, %d"
            + " processors, load average %s before and %s after%njar %s: %.1f MiB (%d bytes);"
            + " stack's JAVA_TOOL_OPTIONS: %s%nfloor: Bare, a handler of the same event type that"
            + " answers a constant, under the same options%n%n",
        options.runs(),
        options.warmups(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAfter,
        options.jar(),
        jarBytes / 1048576.0,
        jarBytes,
        stack.get("JAVA_TOOL_OPTIONS"));
  }

  /** The cold table; {@code floor} names the target every ratio divides by. */
  static String cold(Map<Row, List<Run>> runs, Map<String, Integer> classes, String floor) {
    StringBuilder out = new StringBuilder(2048);
    out.append(
        String.format(
            Locale.ROOT,
            COLD_ROW,
            "target",
            "options",
            "median",
            "p90",
            "xfloor",
            "x p90",
            "init",
            "1st req",
            "2nd req",
            "RSS",
            "classes",
            "HTTP statuses"));
    runs.forEach(
        (row, list) -> {
          List<Run> floorRuns = runs.get(new Row(floor, row.variant()));
          double median = percentile(list, Run::firstResponseMs, 50);
          double p90 = percentile(list, Run::firstResponseMs, 90);
          out.append(
              String.format(
                  Locale.ROOT,
                  COLD_ROW,
                  row.target(),
                  row.variant(),
                  ms(median),
                  ms(p90),
                  ratio(median / percentile(floorRuns, Run::firstResponseMs, 50)),
                  ratio(p90 / percentile(floorRuns, Run::firstResponseMs, 90)),
                  ms(percentile(list, Run::readyMs, 50)),
                  ms(percentile(list, Run::firstRequestMs, 50)),
                  ms(percentile(list, Run::secondRequestMs, 50)),
                  ms(percentile(list, Run::peakRssMib, 50)),
                  classes.getOrDefault(row.target(), 0),
                  String.join(" ", new TreeSet<>(list.stream().map(Run::statuses).toList()))));
        });
    return out.toString();
  }

  /** The warm table: latency of each invocation after the first, in one JVM. */
  static String warm(Map<Row, Warm> warm) {
    StringBuilder out = new StringBuilder(512);
    out.append(String.format(Locale.ROOT, WARM_ROW, "target", "options", "median", "p90", "p99"));
    warm.forEach(
        (row, figures) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    WARM_ROW,
                    row.target(),
                    row.variant(),
                    String.format(Locale.ROOT, "%.2f", figures.median()),
                    String.format(Locale.ROOT, "%.2f", figures.p90()),
                    String.format(Locale.ROOT, "%.2f", figures.p99()))));
    return out.toString();
  }

  /** Nearest-rank percentile of a figure over the runs. */
  static double percentile(List<Run> runs, ToDoubleFunction<Run> figure, int percent) {
    return percentile(runs.stream().mapToDouble(figure).sorted().toArray(), percent);
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
