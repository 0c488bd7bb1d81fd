package ${package}.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** The benchmark's table: per function and variant, median, p90, min and max of each figure. */
final class ColdStartReport {

  private static final String STATS = "%8s %8s %8s %8s";
  private static final String ROW = "%-12s %-18s %-38s %s%n";

  private static final List<Figure> FIGURES =
      List.of(
          new Figure("process start -> first response (ms)", Run::firstResponseMs),
          new Figure("process start -> ready, init (ms)", Run::readyMs),
          new Figure("first request (ms)", Run::firstRequestMs),
          new Figure("second request (ms)", Run::secondRequestMs),
          new Figure("peak RSS of the function (MiB)", Run::peakRssMib));

  private ColdStartReport() {}

  /** The figures of one cold start, in milliseconds and MiB. */
  record Run(
      double readyMs,
      double firstResponseMs,
      double firstRequestMs,
      double secondRequestMs,
      double peakRssMib,
      String statuses) {}

  /** A row group: a function started with or without the stack's options. */
  record Row(String function, String variant) {}

  private record Figure(String name, ToDoubleFunction<Run> value) {}

  /** The table of every row group's runs. */
  static String table(Map<Row, List<Run>> results) {
    StringBuilder out = new StringBuilder(1024);
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "function",
            "JAVA_TOOL_OPTIONS",
            "figure",
            String.format(Locale.ROOT, STATS, "median", "p90", "min", "max")));
    results.forEach(
        (key, runs) -> {
          String function = key.function();
          String variant = key.variant();
          for (Figure figure : FIGURES) {
            out.append(
                String.format(
                    Locale.ROOT,
                    ROW,
                    function,
                    variant,
                    figure.name(),
                    stats(runs, figure.value())));
            // The function and the variant head their group's first line only.
            function = "";
            variant = "";
          }
          String statuses =
              String.join(" ", new TreeSet<>(runs.stream().map(Run::statuses).toList()));
          out.append(
              String.format(
                  Locale.ROOT,
                  ROW,
                  "",
                  "",
                  "HTTP status of both responses",
                  String.format(Locale.ROOT, "%8s", statuses)));
        });
    return out.toString();
  }

  /** Median, 90th percentile, minimum and maximum of one figure over the runs. */
  private static String stats(List<Run> runs, ToDoubleFunction<Run> value) {
    double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
    return String.format(
        Locale.ROOT,
        STATS,
        format(percentile(sorted, 50)),
        format(percentile(sorted, 90)),
        format(sorted[0]),
        format(sorted[sorted.length - 1]));
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
  }
}
