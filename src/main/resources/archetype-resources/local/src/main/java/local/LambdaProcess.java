package ${package}.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                  jarOf(AWSLambda.class),
                  jarOf(PojoSerializer.class),
                  jarOf(SdkInternalThreadLocal.class),
                  jarOf(Context.class))));

  private final Process process;

  private LambdaProcess(Process process) {
    this.process = process;
  }

  /** Starts the function; its output goes to {@code log}. */
  static LambdaProcess start(
      Path jar, StackFunction function, Map<String, String> environment, Path log)
      throws IOException {
    String handler = function.route().handler().getName() + "::handleRequest";
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // JDK 24 and later warn when the runtime client loads its native library.
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                jar + File.pathSeparator + RUNTIME_CLIENT_CLASS_PATH,
                AWSLambda.class.getName(),
                handler)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new LambdaProcess(builder.start());
  }

  /**
   * The variables the stack and the Lambda service set, with local stand-ins for AWS resources.
   * Without {@code withStackOptions}, the stack's JAVA_TOOL_OPTIONS are left out.
   */
  static Map<String, String> environment(
      Path jar,
      StackFunction function,
      boolean withStackOptions,
      String runtimeApi,
      LocalDynamoDb db,
      String appConfigEndpoint) {
    String functionName =
        function.environment().get(HandlerConfig.POWERTOOLS_SERVICE_NAME)
            + "-"
            + function.route().functionName();
    Map<String, String> env = new TreeMap<>(function.environment());
    if (!withStackOptions) {
      env.remove("JAVA_TOOL_OPTIONS");
    }
    env.put("PATH", Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin"));
    env.put("TZ", ":UTC");
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", function.route().handler().getName() + "::handleRequest");
    Path codeFolder = jar.toAbsolutePath().getParent();
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
    env.put("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_APPCONFIGDATA", appConfigEndpoint);
    return env;
  }

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

  private static String jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No jar for " + type, e);
    }
  }
}
