package ${package}.local;

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
import ${package}.local.ColdStartReport.Warm;
import ${package}.local.LambdaProcess.LocalEndpoints;
import ${package}.models.OrderFixtures;

/**
 * Measures cold starts of every route's function the way Lambda starts them, against a floor: a new
 * JVM per start ({@link LambdaProcess}) with the synthesized stack's memory and environment,
 * polling a {@link LocalRuntimeApi} that hands it its route's event, against a local DynamoDB
 * (dynalite) and AppConfig stand-in. The bare handler ({@link BareHandler}) starts alternately with
 * the functions under the same options, so that every figure also reads as a ratio to it. Apart
 * from the timed starts, one start per target counts the loaded classes, and one JVM per target and
 * options serves many requests for the warm latency.
 *
 * <p>Run by {@code make cold-start}. It prints figures and asserts none.
 */
// A command-line tool: it reports on the console and ends with an exit code.
@SuppressWarnings({"PMD.SystemPrintln", "PMD.DoNotTerminateVM"})
final class ColdStartBenchmark {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
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
      List<StackFunction> functions = StackFunction.selected(options);
      List<Target> targets = new ArrayList<>();
      targets.add(Target.bare(BareJar.write(options.logs().resolve("bare.jar")), functions.get(0)));
      functions.forEach(function -> targets.add(Target.of(function, options.jar())));
      try (LocalDynamoDb db = LocalDynamoDb.start();
          LocalRuntimeApi api = LocalRuntimeApi.start(Files.readString(options.featureFlags()))) {
        new ColdStartBenchmark(options, db, api).run(targets);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Everything started is stopped by now: the message is all that is left to tell.
      System.err.println("cold-start: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run(List<Target> targets) throws IOException, InterruptedException {
    Files.createDirectories(options.logs());
    String loadBefore = loadAverage();
    Map<Row, List<Run>> cold = coldStarts(targets);
    ColdStartReport.requireNoServerErrors(cold, options.logs());
    Map<String, Integer> classes = new LinkedHashMap<>();
    Map<Row, Warm> warm = new LinkedHashMap<>();
    for (Target target : targets) {
      classes.put(target.name(), classesLoaded(target));
      if (options.warm() > 0) {
        for (String variant : List.of(STACK_OPTIONS, NO_OPTIONS)) {
          warm.put(
              new Row(target.name(), variant),
              start(target, variant, options.warm() + 1, List.of(), "warm").warm());
        }
      }
    }
    System.out.print(
        ColdStartReport.header(
            options, loadBefore, loadAverage(), targets.get(1).function().environment()));
    System.out.println(ColdStartReport.cold(cold, classes, targets.get(0).name()));
    if (!warm.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "Warm: %d requests to one JVM after its first, ms from hand-out to response%n%n%s%n",
          options.warm(),
          ColdStartReport.warm(warm));
    }
    System.out.printf("Function output: %s%n", options.logs());
  }

  /** The timed starts: targets and variants alternate, so a change of load hits all alike. */
  private Map<Row, List<Run>> coldStarts(List<Target> targets)
      throws IOException, InterruptedException {
    List<String> variants =
        options.compare() ? List.of(STACK_OPTIONS, NO_OPTIONS) : List.of(STACK_OPTIONS);
    Map<Row, List<Run>> cold = new LinkedHashMap<>();
    System.err.print("cold-start: cold starts");
    for (int round = -options.warmups(); round < options.runs(); round++) {
      for (Target target : targets) {
        for (String variant : variants) {
          Run run = start(target, variant, 2, List.of(), "cold-" + round).run();
          if (round >= 0) {
            cold.computeIfAbsent(new Row(target.name(), variant), k -> new ArrayList<>()).add(run);
          }
        }
      }
      System.err.print(".");
    }
    System.err.println();
    return cold;
  }

  /** The classes the target loads by its first response, from a start of its own. */
  private int classesLoaded(Target target) throws IOException, InterruptedException {
    Path log = options.logs().resolve(target.name() + "-classes.txt");
    Files.deleteIfExists(log);
    FinishedStart counted =
        start(target, STACK_OPTIONS, 1, List.of(ClassLoadLog.jvmOption(log)), "classes");
    return ClassLoadLog.loadedWithin(log, counted.run().firstResponseMs());
  }

  /** One start of the target serving {@code invocations} requests about an order of its own. */
  private FinishedStart start(
      Target target, String variant, int invocations, List<String> jvmOptions, String tag)
      throws IOException, InterruptedException {
    String orderId = UUID.randomUUID().toString();
    new DynamoDbOrderRepository(db.client(), LocalDynamoDb.ORDERS_TABLE)
        .save(OrderFixtures.OWNER, OrderFixtures.anOrder().id(orderId).build());
    Path log =
        options.logs().resolve(target.name() + "-" + tag + "-" + variant.replace("'", "") + ".log");
    Map<String, String> environment =
        LambdaProcess.environment(
            target,
            STACK_OPTIONS.equals(variant),
            new LocalEndpoints(
                api.address(), db.endpoint().toString(), api.appConfigEndpoint().toString()));
    RuntimeSession session =
        api.open(events.eventFor(target.function().route(), orderId), invocations);
    long started = System.nanoTime();
    try (LambdaProcess process = LambdaProcess.start(target, environment, jvmOptions, log)) {
      awaitAnswers(session, process);
      return new FinishedStart(session, started, process.peakRssMib());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          target.name()
              + " ("
              + variant
              + ") failed: "
              + e.getMessage()
              + "\n"
              + LambdaProcess.tail(log),
          e);
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

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 2)[0];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
