package ${package}.infra.constructs;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import ${package}.handlers.HandlerConfig;
import ${package}.handlers.TimeBudget;

/**
 * Builds every Lambda function of the service the same way: runtime and architecture chosen at
 * generation, memory, timeout, active tracing, JSON logs into a log group of the stack, fast-start
 * JVM options, and SnapStart on a published version behind an alias where the runtime has it.
 *
 * <p>Each function gets its own role that may only write its own logs and traces; callers grant
 * table and configuration access one action at a time.
 */
public final class FunctionFactory {

  /** Name of the alias API Gateway invokes. */
  public static final String ALIAS_NAME = "live";

  /** Memory size: Lambda scales CPU with memory, and the JVM starts faster with more CPU. */
  public static final int MEMORY_MB = 1024;

  /** Timeout: the service's time budget, which its SDK timeouts fit in. */
  public static final Duration TIMEOUT = Duration.seconds(TimeBudget.FUNCTION_TIMEOUT.toSeconds());

  /**
   * C1 only, on java21 and java25, with and without SnapStart: chosen by measurement with {@code
   * make cold-start} (docs/cold-start.md). Against the JDK's full tiered compilation: about a third
   * less CPU to the first response, and over an instance's first thousand requests a lower median
   * latency at half the CPU per request, because C2 spends them compiling. With SnapStart, init and
   * priming compiled the request path before the snapshot, so a restored function starts on that
   * code without C2 compiling beside its first requests; C2 catches up only past several thousand
   * requests per instance.
   */
  public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  /** The embedded metric format library's setting for where it runs (Powertools metrics). */
  public static final String EMF_ENVIRONMENT = "AWS_EMF_ENVIRONMENT";

  private final Runtime runtime;
  private final Architecture architecture;
  private final Code code;
  private final StackLogs logs;
  private final StackMetrics metrics;

  /**
   * @param logs makes each function's log group
   * @param metrics the Powertools service name and the stack's metrics namespace
   */
  public FunctionFactory(
      Runtime runtime, Architecture architecture, Code code, StackLogs logs, StackMetrics metrics) {
    this.runtime = runtime;
    this.architecture = architecture;
    this.code = code;
    this.logs = logs;
    this.metrics = metrics;
  }

  /**
   * Creates the function {@code label} running {@code handler.handleRequest} with the given
   * environment variables, plus the Powertools service name, metrics namespace and JVM options.
   */
  public ServiceFunction create(
      Construct scope,
      String label,
      Class<?> handler,
      String description,
      Map<String, String> variables) {
    LogGroup logGroup = logs.logGroup(scope, label + "LogGroup");
    Role role =
        Role.Builder.create(scope, label + "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("Runs the " + label + " function")
            .build();
    logGroup.grantWrite(role);

    // Sorted, so that the template is the same from one synthesis to the next.
    Map<String, String> environment = new TreeMap<>(variables);
    environment.put(HandlerConfig.POWERTOOLS_SERVICE_NAME, metrics.serviceName());
    environment.put(HandlerConfig.POWERTOOLS_METRICS_NAMESPACE, metrics.namespace());
    environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
    // Named, the metrics library skips probing for its environment at the first flush: background
    // threads, one of them calling the EC2 instance metadata endpoint that Lambda does not have.
    environment.put(EMF_ENVIRONMENT, "Lambda");
    Function.Builder builder =
        Function.Builder.create(scope, label)
            .description(description)
            .runtime(runtime)
            .architecture(architecture)
            .code(code)
            .handler(handler.getName() + "::handleRequest")
            .memorySize(MEMORY_MB)
            .timeout(TIMEOUT)
            .tracing(Tracing.ACTIVE)
            .loggingFormat(LoggingFormat.JSON)
            .logGroup(logGroup)
            .role(role)
            .environment(environment);
    if (Boolean.TRUE.equals(runtime.getSupportsSnapStart())) {
      builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
    }
    Function function = builder.build();
    // The warning asks for a published version: currentVersion below is one, behind the alias.
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "The function is invoked through the alias of its published current version");
    Alias alias =
        Alias.Builder.create(scope, label + "Alias")
            .aliasName(ALIAS_NAME)
            .version(function.getCurrentVersion())
            .build();
    return new ServiceFunction(label, function, alias, logGroup, TIMEOUT);
  }
}
