package ${package}.infra;

import software.constructs.Node;

/**
 * What one stack is built from: the generation-time properties plus the CDK context keys {@code
 * environment} ({@code dev} by default, {@code staging}, {@code production}), {@code branch} (dev
 * stacks only), {@code waf} ({@code true}/{@code false}, overrides the environment's default) and
 * {@code alarmEmail} (an address subscribed to the alarm topic, else the environment's {@code
 * alarmEmail} of deployment.json) and {@code e2eRoleArn} (a role that the end-to-end tests sign
 * with: it may invoke this stack's API). Staging and production need a subscriber: alarms that
 * reach no one are no alarms.
 */
public record StackConfig(
    ServiceProperties service,
    DeploymentEnvironment environment,
    String stackName,
    boolean wafEnabled,
    String alarmEmail,
    String e2eRoleArn) {

  /** CDK context key of the environment. */
  public static final String ENVIRONMENT_KEY = "environment";

  /** CDK context key of the git branch, added to dev stack names. */
  public static final String BRANCH_KEY = "branch";

  /** CDK context key that turns the web application firewall on or off. */
  public static final String WAF_KEY = "waf";

  /** CDK context key of the e-mail address that receives alarms. */
  public static final String ALARM_EMAIL_KEY = "alarmEmail";

  /** CDK context key of the role the end-to-end tests sign their requests with. */
  public static final String E2E_ROLE_KEY = "e2eRoleArn";

  /** Reads the context of the given node (usually the app's), and deployment.json's subscriber. */
  public static StackConfig fromContext(
      Node node, ServiceProperties service, DeploymentConfig deployment) {
    String environmentName = text(node, ENVIRONMENT_KEY);
    DeploymentEnvironment environment =
        environmentName == null
            ? DeploymentEnvironment.DEV
            : DeploymentEnvironment.fromContext(environmentName);
    String waf = text(node, WAF_KEY);
    return new StackConfig(
        service,
        environment,
        StackNames.stackName(service.serviceName(), environment, text(node, BRANCH_KEY)),
        waf == null ? environment.wafByDefault() : parseFlag(waf),
        alarmEmail(node, environment, deployment),
        text(node, E2E_ROLE_KEY));
  }

  // The context's subscriber, else deployment.json's; staging and production must have one.
  private static String alarmEmail(
      Node node, DeploymentEnvironment environment, DeploymentConfig deployment) {
    String context = text(node, ALARM_EMAIL_KEY);
    String alarmEmail =
        context == null ? deployment.environments().get(environment).alarmEmail() : context;
    if (alarmEmail == null && environment != DeploymentEnvironment.DEV) {
      throw new IllegalArgumentException(
          "The "
              + environment.contextName()
              + " stack's alarms would reach no one: set environments."
              + environment.contextName()
              + ".alarmEmail in "
              + DeploymentConfig.FILE
              + " (or the CDK context "
              + ALARM_EMAIL_KEY
              + ")");
    }
    return alarmEmail;
  }

  // A context value as text; null when absent or blank.
  private static String text(Node node, String key) {
    Object value = node.tryGetContext(key);
    return value == null || value.toString().isBlank() ? null : value.toString();
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
