package ${package}.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ${package}.dal.DynamoDbOrderRepository;
import ${package}.dal.LocalDynamoDb;
import ${package}.local.ColdStartReport.Row;
import ${package}.local.ColdStartReport.Run;
import ${package}.models.OrderFixtures;

/**
 * Measures cold starts of every route's function the way Lambda starts them: a new JVM per start
 * ({@link LambdaProcess}) with the synthesized stack's memory and environment, polling a {@link
 * LocalRuntimeApi} that hands it the route's event twice, against a local DynamoDB (dynalite) and a
 * local AppConfig stand-in. Each start gets an order of its own to read, change or delete.
 *
 * <p>Run by {@code make cold-start}. It prints figures and asserts none: timings depend on the
 * machine and its load.
 */
// A command-line tool: it reports on the console and ends with an exit code.
@SuppressWarnings({"PMD.SystemPrintln", "PMD.DoNotTerminateVM"})
final class ColdStartBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final int INVOCATIONS = 2;
  private static final String STACK_OPTIONS = "stack's";
  private static final String NO_OPTIONS = "none";

  private final BenchmarkOptions options;
  private final LocalDynamoDb db;
  private final LocalRuntimeApi api;
  private final RouteEvents events;

  private ColdStartBenchmark(BenchmarkOptions options, LocalDynamoDb db, LocalRuntimeApi api) {
    this.options = options;
    this.db = db;
    this.api = api;
    this.events = RouteEvents.load(options.openApi());
  }

  /** Runs the benchmark; arguments are {@code name=value} pairs, see {@link BenchmarkOptions}. */
  static void measure(String... args) throws IOException, InterruptedException {
    try {
      BenchmarkOptions options = BenchmarkOptions.parse(args);
      List<StackFunction> functions = selected(options);
      try (LocalDynamoDb db = LocalDynamoDb.start();
          LocalRuntimeApi api = LocalRuntimeApi.start(Files.readString(options.featureFlags()))) {
        new ColdStartBenchmark(options, db, api).run(functions);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Everything started is stopped by now: the message is all that is left to tell.
      System.err.println("cold-start: " + e.getMessage());
      System.exit(1);
    }
  }

  private static List<StackFunction> selected(BenchmarkOptions options) {
    List<StackFunction> all = StackFunction.fromTemplate(options.template());
    List<String> names = all.stream().map(f -> f.route().functionName()).toList();
    if (!names.containsAll(options.functions())) {
      throw new IllegalArgumentException(
          "functions must be among " + names + ": " + options.functions());
    }
    return all.stream()
        .filter(f -> options.functions().isEmpty() || options.functions().contains(name(f)))
        .toList();
  }

  private void run(List<StackFunction> functions) throws IOException, InterruptedException {
    Files.createDirectories(options.logs());
    String loadBefore = loadAverage();
    List<String> variants =
        options.compare() ? List.of(STACK_OPTIONS, NO_OPTIONS) : List.of(STACK_OPTIONS);
    Map<Row, List<Run>> results = new LinkedHashMap<>();
    for (StackFunction function : functions) {
      System.err.printf("cold-start: %s", name(function));
      // Variants alternate run by run, so that a change of machine load hits both alike.
      for (int i = -options.warmups(); i < options.runs(); i++) {
        for (String variant : variants) {
          Run run = coldStart(function, variant, i);
          if (i >= 0) {
            results
                .computeIfAbsent(new Row(name(function), variant), k -> new ArrayList<>())
                .add(run);
          }
          System.err.print(".");
        }
      }
      System.err.println();
    }
    long jarBytes = Files.size(options.jar());
    System.out.printf(
        Locale.ROOT,
        "%nCold starts under the Lambda runtime client: %d per row, after %d not counted; JDK %s,"
            + " %d processors, load average %s before and %s after%njar %s: %.1f MiB (%d bytes);"
            + " stack's JAVA_TOOL_OPTIONS: %s%n%n%s%nFunction output: %s%n",
        options.runs(),
        options.warmups(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAverage(),
        options.jar(),
        jarBytes / 1048576.0,
        jarBytes,
        functions.get(0).environment().get("JAVA_TOOL_OPTIONS"),
        ColdStartReport.table(results),
        options.logs());
  }

  private Run coldStart(StackFunction function, String variant, int index)
      throws IOException, InterruptedException {
    String orderId = UUID.randomUUID().toString();
    new DynamoDbOrderRepository(db.client(), LocalDynamoDb.ORDERS_TABLE)
        .save(OrderFixtures.anOrder().id(orderId).build());
    Path log =
        options
            .logs()
            .resolve(name(function) + "-" + variant.replace("'", "") + "-" + index + ".log");
    Map<String, String> environment =
        LambdaProcess.environment(
            options.jar(),
            function,
            STACK_OPTIONS.equals(variant),
            api.address(),
            db,
            api.appConfigEndpoint().toString());
    RuntimeSession session = api.open(events.eventFor(function.route(), orderId), INVOCATIONS);
    long started = System.nanoTime();
    try (LambdaProcess process = LambdaProcess.start(options.jar(), function, environment, log)) {
      awaitAnswers(session, process);
      return new Run(
          millis(started, session.handedOutNanos(0)),
          millis(started, session.answeredNanos(0)),
          millis(session.handedOutNanos(0), session.answeredNanos(0)),
          millis(session.handedOutNanos(1), session.answeredNanos(1)),
          process.peakRssMib(),
          statusCode(session.response(0)) + "," + statusCode(session.response(1)));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          name(function) + " (" + variant + ") failed: " + e.getMessage() + "\n" + tail(log), e);
    } finally {
      session.close();
    }
  }

  private static void awaitAnswers(RuntimeSession session, LambdaProcess process)
      throws InterruptedException {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (!session.await(Duration.ofMillis(50))) {
      if (!process.isAlive()) {
        throw new IllegalStateException("exited with code " + process.exitValue());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no answer within " + RUN_TIMEOUT);
      }
    }
  }

  private static String name(StackFunction function) {
    return function.route().functionName();
  }

  private static double millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000.0;
  }

  /** The last lines the function printed, with the file that holds all of them. */
  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return "Last lines of "
        + log
        + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 2)[0];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static int statusCode(String response) throws IOException {
    return JSON.readTree(response).path("statusCode").asInt();
  }
}
