package ${package}.handlers;

import java.util.Map;

/**
 * The environment of the Lambda functions, read and checked once at init.
 *
 * <p>The constants are the environment variable names; infra sets the variables with them.
 */
public record HandlerConfig(
    String tableName,
    String idempotencyTableName,
    String appConfigApplication,
    String appConfigEnvironment,
    String appConfigProfile) {

  /** Name of the orders table. */
  public static final String TABLE_NAME = "TABLE_NAME";

  /** Name of the table that remembers idempotency keys of creates. */
  public static final String IDEMPOTENCY_TABLE_NAME = "IDEMPOTENCY_TABLE_NAME";

  /** AppConfig application that holds the feature flags. */
  public static final String APPCONFIG_APPLICATION = "APPCONFIG_APPLICATION";

  /** AppConfig environment that holds the feature flags. */
  public static final String APPCONFIG_ENVIRONMENT = "APPCONFIG_ENVIRONMENT";

  /** AppConfig configuration profile of the feature flags. */
  public static final String APPCONFIG_PROFILE = "APPCONFIG_PROFILE";

  /** Read by Powertools: the service name in logs, traces and metric dimensions. */
  public static final String POWERTOOLS_SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";

  /** Read by Powertools: the CloudWatch namespace of the business metrics. */
  public static final String POWERTOOLS_METRICS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";

  /** Validates that every value is present, naming the variable that is not. */
  public HandlerConfig {
    requireValue(TABLE_NAME, tableName);
    requireValue(IDEMPOTENCY_TABLE_NAME, idempotencyTableName);
    requireValue(APPCONFIG_APPLICATION, appConfigApplication);
    requireValue(APPCONFIG_ENVIRONMENT, appConfigEnvironment);
    requireValue(APPCONFIG_PROFILE, appConfigProfile);
  }

  /** Builds the configuration from the process environment. */
  public static HandlerConfig fromEnvironment() {
    return from(System.getenv());
  }

  /** Builds the configuration from the given variables; a missing one fails with its name. */
  public static HandlerConfig from(Map<String, String> env) {
    return new HandlerConfig(
        env.get(TABLE_NAME),
        env.get(IDEMPOTENCY_TABLE_NAME),
        env.get(APPCONFIG_APPLICATION),
        env.get(APPCONFIG_ENVIRONMENT),
        env.get(APPCONFIG_PROFILE));
  }

  private static void requireValue(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Missing environment variable " + name);
    }
  }
}
