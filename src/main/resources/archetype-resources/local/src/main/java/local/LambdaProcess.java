package ${package}.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import ${package}.dal.LocalDynamoDb;
import ${package}.handlers.HandlerConfig;

/**
 * One function process as Lambda starts it: a new JVM running the Lambda jar under the Lambda
 * runtime client ({@code AWSLambda <handler>}), with the stack's environment and local endpoints
 * for DynamoDB, AppConfig and the Runtime API.
 */
final class LambdaProcess implements AutoCloseable {

  /** The jars Lambda puts beside the function's code: the runtime client and what it needs. */
  static final String RUNTIME_CLIENT_CLASS_PATH =
      String.join(
          File.pathSeparator,
          new TreeSet<>(
              List.of(
                  BareJar.jarOf(AWSLambda.class).toString(),
                  BareJar.jarOf(PojoSerializer.class).toString(),
                  BareJar.jarOf(SdkInternalThreadLocal.class).toString(),
                  BareJar.jarOf(Context.class).toString())));

  private final Process process;

  private LambdaProcess(Process process) {
    this.process = process;
  }

  /** Starts the target's JVM with the given extra JVM options; its output goes to {@code log}. */
  static LambdaProcess start(
      Target target, Map<String, String> environment, List<String> jvmOptions, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // JDK 24 and later warn when the runtime client loads its native library.
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            target.jar() + File.pathSeparator + RUNTIME_CLIENT_CLASS_PATH,
            AWSLambda.class.getName(),
            target.handler()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new LambdaProcess(builder.start());
  }

  /**
   * The variables the stack and the Lambda service set, with local stand-ins for AWS resources.
   * Without {@code withStackOptions}, the stack's JAVA_TOOL_OPTIONS are left out.
   */
  static Map<String, String> environment(
      Target target, boolean withStackOptions, LocalEndpoints endpoints) {
    StackFunction function = target.function();
    String functionName =
        function.environment().get(HandlerConfig.POWERTOOLS_SERVICE_NAME) + "-" + target.name();
    Map<String, String> env = new TreeMap<>(function.environment());
    if (!withStackOptions) {
      env.remove("JAVA_TOOL_OPTIONS");
    }
    env.put("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"));
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_RUNTIME_API", endpoints.runtimeApi());
    env.put("_HANDLER", target.handler());
    Path codeFolder = target.jar().toAbsolutePath().getParent();
    env.put("LAMBDA_TASK_ROOT", codeFolder == null ? "/" : codeFolder.toString());
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
    env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
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
    env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb());
    env.put("AWS_ENDPOINT_URL_APPCONFIGDATA", endpoints.appConfig());
    return env;
  }

  /**
   * Where a function process finds Lambda's Runtime API, DynamoDB and AppConfig on this machine.
   *
   * @param runtimeApi host and port of the Runtime API
   * @param dynamoDb the DynamoDB endpoint URL
   * @param appConfig the AppConfig data endpoint URL
   */
  record LocalEndpoints(String runtimeApi, String dynamoDb, String appConfig) {}

  /** Whether the JVM still runs (one that cannot start never reaches the Runtime API). */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit code, once it ended. */
  int exitValue() {
    return process.exitValue();
  }

  /** Its peak resident set (VmHWM) in MiB, or NaN where /proc is not there. */
  double peakRssMib() {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
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

  /** Stops the JVM, as Lambda does with an execution environment it no longer needs. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines the function printed, with the file that holds all of them. */
  static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return "Last lines of "
        + log
        + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
