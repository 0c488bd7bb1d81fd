package ${package}.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import ${package}.dal.DynamoDbOrderRepository;
import ${package}.handlers.CreateOrderHandler;
import ${package}.handlers.DeleteOrderHandler;
import ${package}.handlers.GetOrderHandler;
import ${package}.handlers.HandlerConfig;
import ${package}.models.Order;

/**
 * Measures cold starts of the functions the way Lambda starts them: a new JVM per start, running
 * the shaded Lambda jar under the Lambda runtime client ({@code AWSLambda <handler>}) with the
 * stack's environment, polling a {@link LocalRuntimeApi} that hands it a stored API Gateway event
 * twice, against a local DynamoDB (dynalite) and a local AppConfig stand-in.
 *
 * <p>Run by {@code scripts/cold-start.sh} ({@code make cold-start}), which builds the jar and
 * passes {@code name=value} arguments. It prints figures and asserts none: timings depend on the
 * machine and its load.
 */
public final class ColdStartBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final String STATS = "%8s %8s %8s %8s";
  private static final int INVOCATIONS = 2;
  private static final String STACK_FLAGS = "stack's";
  private static final String NO_FLAGS = "none";

  private static final List<LambdaFunction> FUNCTIONS =
      List.of(
          new LambdaFunction("create", CreateOrderHandler.class, "/events/create-order.json"),
          new LambdaFunction("get", GetOrderHandler.class, "/events/get-order.json"),
          new LambdaFunction("delete", DeleteOrderHandler.class, "/events/delete-order.json"));

  private static final List<Figure> FIGURES =
      List.of(
          new Figure("process start -> first response (ms)", Run::firstResponseMs),
          new Figure("process start -> ready, init (ms)", Run::readyMs),
          new Figure("first request (ms)", Run::firstRequestMs),
          new Figure("second request (ms)", Run::secondRequestMs),
          new Figure("peak RSS of the function (MiB)", Run::peakRssMib));

  private final Options options;
  private final LocalDynamoDb db;
  private final LocalRuntimeApi api;
  private final String runtimeClientClassPath;
  private volatile Process running;

  private ColdStartBenchmark(Options options, LocalDynamoDb db, LocalRuntimeApi api) {
    this.options = options;
    this.db = db;
    this.api = api;
    // The jars Lambda puts beside the function's code: the runtime client and what it needs.
    this.runtimeClientClassPath =
        String.join(
            File.pathSeparator,
            new TreeSet<>(
                List.of(
                    jarOf(AWSLambda.class),
                    jarOf(PojoSerializer.class),
                    jarOf(SdkInternalThreadLocal.class),
                    jarOf(Context.class))));
  }

  /** Runs the benchmark; arguments are {@code name=value} pairs, see {@link Options}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    try {
      benchmark(Options.parse(args));
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Everything started is stopped by now: the message is all that is left to tell.
      System.err.println("cold-start: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void benchmark(Options options) throws IOException, InterruptedException {
    try (LocalDynamoDb db = LocalDynamoDb.start();
        LocalRuntimeApi api = LocalRuntimeApi.start(Files.readString(options.featureFlags()))) {
      ColdStartBenchmark benchmark = new ColdStartBenchmark(options, db, api);
      // Ctrl-C or a kill stops the function process too; after a normal end there is none.
      Runtime.getRuntime()
          .addShutdownHook(new Thread(benchmark::stopRunning, "cold-start-stop-function"));
      benchmark.run();
    }
  }

  private void run() throws IOException, InterruptedException {
    Files.createDirectories(options.logs());
    String loadBefore = loadAverage();
    List<String> variants =
        options.compare() ? List.of(STACK_FLAGS, NO_FLAGS) : List.of(STACK_FLAGS);
    Map<Row, List<Run>> results = new LinkedHashMap<>();
    for (LambdaFunction function : selectedFunctions()) {
      String event = readResource(function.eventResource());
      System.err.printf("cold-start: %s function", function.label());
      // Variants alternate run by run, so that a change of machine load hits both alike.
      for (int i = -options.warmups(); i < options.runs(); i++) {
        for (String variant : variants) {
          Run run = coldStart(function, variant, event, i);
          if (i >= 0) {
            results
                .computeIfAbsent(new Row(function.label(), variant), k -> new ArrayList<>())
                .add(run);
          }
          System.err.print(".");
        }
      }
      System.err.println();
    }
    printReport(results, loadBefore, loadAverage());
  }

  private List<LambdaFunction> selectedFunctions() {
    List<LambdaFunction> selected =
        FUNCTIONS.stream().filter(f -> options.functions().contains(f.label())).toList();
    if (selected.size() != options.functions().size()) {
      throw new IllegalArgumentException(
          "functions must be among "
              + FUNCTIONS.stream().map(LambdaFunction::label).toList()
              + ": "
              + options.functions());
    }
    return selected;
  }

  private Run coldStart(LambdaFunction function, String variant, String event, int index)
      throws IOException, InterruptedException {
    seedOrderOf(event);
    Path log =
        options
            .logs()
            .resolve(function.label() + "-" + variant.replace("'", "") + "-" + index + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // JDK 24 and later warn when the runtime client loads its native library.
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                options.jar() + File.pathSeparator + runtimeClientClassPath,
                AWSLambda.class.getName(),
                function.handler().getName() + "::handleRequest")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment(function, variant));
    LocalRuntimeApi.Session session = api.open(event, INVOCATIONS);
    long started = System.nanoTime();
    Process process = builder.start();
    running = process;
    try {
      awaitAnswers(session, process);
      double peakRssMib = peakRssMib(process.pid());
      return new Run(
          millis(started, session.handedOutNanos(0)),
          millis(started, session.answeredNanos(0)),
          millis(session.handedOutNanos(0), session.answeredNanos(0)),
          millis(session.handedOutNanos(1), session.answeredNanos(1)),
          peakRssMib,
          statusCode(session.response(0)) + "," + statusCode(session.response(1)));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          function.label() + " (" + variant + ") failed: " + e.getMessage() + "\n" + tail(log), e);
    } finally {
      session.close();
      stopRunning();
    }
  }

  private static void awaitAnswers(LocalRuntimeApi.Session session, Process process)
      throws InterruptedException {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (!session.await(Duration.ofMillis(50))) {
      // A JVM that cannot start (a bad option, say) never reaches the Runtime API.
      if (!process.isAlive()) {
        throw new IllegalStateException("exited with code " + process.exitValue());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no answer within " + RUN_TIMEOUT);
      }
    }
  }

  /** The variables the stack and the Lambda service set, with local endpoints for AWS ones. */
  private Map<String, String> environment(LambdaFunction function, String variant) {
    String functionName = options.serviceName() + "-" + function.label();
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"));
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("_HANDLER", function.handler().getName() + "::handleRequest");
    env.put("LAMBDA_TASK_ROOT", options.jar().toAbsolutePath().getParent().toString());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
    env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(options.memoryMb()));
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "cold-start");
    env.put("AWS_REGION", LocalDynamoDb.REGION);
    env.put("AWS_DEFAULT_REGION", LocalDynamoDb.REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_SESSION_TOKEN", "local");
    env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
    env.put(HandlerConfig.TABLE_NAME, LocalDynamoDb.ORDERS_TABLE);
    env.put(HandlerConfig.IDEMPOTENCY_TABLE_NAME, LocalDynamoDb.IDEMPOTENCY_TABLE);
    env.put(HandlerConfig.APPCONFIG_APPLICATION, "cold-start");
    env.put(HandlerConfig.APPCONFIG_ENVIRONMENT, "cold-start");
    env.put(HandlerConfig.APPCONFIG_PROFILE, "cold-start");
    env.put(HandlerConfig.POWERTOOLS_SERVICE_NAME, options.serviceName());
    env.put(HandlerConfig.POWERTOOLS_METRICS_NAMESPACE, options.serviceName());
    if (STACK_FLAGS.equals(variant)) {
      env.put("JAVA_TOOL_OPTIONS", options.javaToolOptions());
    }
    env.put("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_APPCONFIGDATA", api.appConfigEndpoint().toString());
    return env;
  }

  /** Stores the order an event names in its path, so that GET finds it and DELETE removes it. */
  private void seedOrderOf(String event) throws IOException {
    JsonNode id = JSON.readTree(event).path("pathParameters").path("id");
    if (id.isTextual()) {
      new DynamoDbOrderRepository(db.client(), LocalDynamoDb.ORDERS_TABLE)
          .save(new Order(id.asText(), "Ada", 3, Instant.now(), 0));
    }
  }

  private void stopRunning() {
    Process process = running;
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running = null;
    }
  }

  private void printReport(Map<Row, List<Run>> results, String loadBefore, String loadAfter)
      throws IOException {
    long jarBytes = Files.size(options.jar());
    StringBuilder out = new StringBuilder(1024);
    out.append(
        String.format(
            Locale.ROOT,
            "%nCold starts of %s under the Lambda runtime client: %d per row, after %d not"
                + " counted; JDK %s, %d processors, load average %s before and %s after%n",
            options.serviceName(),
            options.runs(),
            options.warmups(),
            Runtime.version(),
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadAfter));
    out.append(
        String.format(
            Locale.ROOT,
            "jar %s: %.1f MiB (%d bytes); stack's JAVA_TOOL_OPTIONS: %s%nruntime client: %s%n%n",
            options.jar(),
            jarBytes / 1048576.0,
            jarBytes,
            options.javaToolOptions(),
            Path.of(jarOf(AWSLambda.class)).getFileName()));
    String row = "%-8s %-18s %-38s %s%n";
    out.append(
        String.format(
            Locale.ROOT,
            row,
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
                    row,
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
                  row,
                  "",
                  "",
                  "HTTP status of both responses",
                  String.format(Locale.ROOT, "%8s", statuses)));
        });
    out.append(String.format(Locale.ROOT, "%nFunction output: %s%n", options.logs()));
    System.out.print(out);
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
  private static double percentile(double[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
  }

  private static double millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000.0;
  }

  /** The process's peak resident set (VmHWM) in MiB, or NaN where /proc is not there. */
  private static double peakRssMib(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(line -> line.startsWith("VmHWM:"))
          .mapToDouble(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0)
          .findFirst()
          .orElse(Double.NaN);
    } catch (IOException e) {
      return Double.NaN;
    }
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

  private static int statusCode(String response) {
    try {
      return JSON.readTree(response).path("statusCode").asInt();
    } catch (IOException e) {
      throw new UncheckedIOException("Not an API Gateway response: " + response, e);
    }
  }

  private static String readResource(String name) throws IOException {
    try (InputStream in = ColdStartBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("No test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No jar for " + type, e);
    }
  }

  /** A function of the stack: its label, handler class and the stored event it gets. */
  private record LambdaFunction(String label, Class<?> handler, String eventResource) {}

  /** A row group of the report: a function started with or without the stack's options. */
  private record Row(String function, String variant) {}

  /** A line of the report: a figure's name and how to read it from a run. */
  private record Figure(String name, ToDoubleFunction<Run> value) {}

  /** The figures of one cold start, in milliseconds and MiB. */
  private record Run(
      double readyMs,
      double firstResponseMs,
      double firstRequestMs,
      double secondRequestMs,
      double peakRssMib,
      String statuses) {}

  /** What the script passes: every option is required. */
  private record Options(
      Path jar,
      int runs,
      int warmups,
      List<String> functions,
      boolean compare,
      String javaToolOptions,
      int memoryMb,
      String serviceName,
      Path featureFlags,
      Path logs) {

    static Options parse(String... args) {
      Map<String, String> values = new HashMap<>();
      for (String arg : args) {
        String[] nameAndValue = arg.split("=", 2);
        if (nameAndValue.length != 2) {
          throw new IllegalArgumentException("Expected name=value, got: " + arg);
        }
        values.put(nameAndValue[0], nameAndValue[1]);
      }
      Options options =
          new Options(
              Path.of(required(values, "jar")),
              Integer.parseInt(required(values, "runs")),
              Integer.parseInt(required(values, "warmups")),
              Arrays.asList(required(values, "functions").split(",", -1)),
              Boolean.parseBoolean(required(values, "compare")),
              required(values, "java-tool-options"),
              Integer.parseInt(required(values, "memory-mb")),
              required(values, "service-name"),
              Path.of(required(values, "feature-flags")),
              Path.of(required(values, "logs")));
      if (options.runs() < 1 || options.warmups() < 0) {
        throw new IllegalArgumentException("runs must be at least 1 and warmups at least 0");
      }
      return options;
    }

    private static String required(Map<String, String> values, String name) {
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("Missing argument " + name + "=...");
      }
      return value;
    }
  }
}
