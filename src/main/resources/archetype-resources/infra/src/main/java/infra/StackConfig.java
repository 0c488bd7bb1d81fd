package ${package}.infra;

import software.constructs.Node;

/**
 * What one stack is built from: the generation-time properties plus the CDK context keys {@code
 * environment} ({@code dev} by default, {@code staging}, {@code production}), {@code branch} (dev
 * stacks only), {@code waf} ({@code true}/{@code false}, overrides the environment's default) and
 * {@code alarmEmail} (an address subscribed to the alarm topic).
 */
public record StackConfig(
    ServiceProperties service,
    DeploymentEnvironment environment,
    String stackName,
    boolean wafEnabled,
    String alarmEmail) {

  /** CDK context key of the environment. */
  public static final String ENVIRONMENT_KEY = "environment";

  /** CDK context key of the git branch, added to dev stack names. */
  public static final String BRANCH_KEY = "branch";

  /** CDK context key that turns the web application firewall on or off. */
  public static final String WAF_KEY = "waf";

  /** CDK context key of the e-mail address that receives alarms. */
  public static final String ALARM_EMAIL_KEY = "alarmEmail";

  /** Reads the context of the given node (usually the app's). */
  public static StackConfig fromContext(Node node, ServiceProperties service) {
    Object environmentValue = node.tryGetContext(ENVIRONMENT_KEY);
    DeploymentEnvironment environment =
        environmentValue == null
            ? DeploymentEnvironment.DEV
            : DeploymentEnvironment.fromContext(environmentValue.toString());
    Object branch = node.tryGetContext(BRANCH_KEY);
    Object waf = node.tryGetContext(WAF_KEY);
    Object alarmEmail = node.tryGetContext(ALARM_EMAIL_KEY);
    return new StackConfig(
        service,
        environment,
        StackNames.stackName(
            service.serviceName(), environment, branch == null ? null : branch.toString()),
        waf == null ? environment.wafByDefault() : parseFlag(waf.toString()),
        alarmEmail == null ? null : alarmEmail.toString());
  }

  private static boolean parseFlag(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              "Context " + WAF_KEY + "='" + value + "' must be true or false");
    };
  }
}
