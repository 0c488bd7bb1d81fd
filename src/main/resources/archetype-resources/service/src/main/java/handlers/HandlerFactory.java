package ${package}.handlers;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

import ${package}.dal.AppConfigFeatureFlagStore;
import ${package}.dal.DynamoDbIdempotencyRepository;
import ${package}.dal.DynamoDbOrderRepository;
import ${package}.logic.FeatureFlags;
import ${package}.logic.OrderService;
import ${package}.logic.StoredFeatureFlags;

/**
 * Builds handlers with their real collaborators: the DynamoDB tables and AppConfig profile named by
 * a {@link HandlerConfig}, once per function instance. Lambda's entry points use it with the
 * environment; integration tests and the local tools call {@link #create} with their own
 * configuration. Region, credentials and HTTP client are named rather than looked up along the
 * SDK's default chains, which build profile-file, web-identity and instance-metadata providers a
 * function never uses; the system properties {@code aws.region}, {@code aws.accessKeyId}, {@code
 * aws.secretAccessKey} and {@code aws.endpointUrlDynamoDb} still work, for tests and local runs.
 * Every client gets the timeouts of {@link TimeBudget}.
 */
public final class HandlerFactory {

  /** How long a fetched flags document is used before AppConfig is asked again. */
  static final int FLAGS_MAX_AGE_SECONDS = 60;

  /** How long flags stay off after AppConfig could not be reached. */
  static final Duration FLAGS_BACKOFF = Duration.ofSeconds(30);

  /**
   * Where Lambda puts credentials: key variables for on-demand functions, the container credentials
   * endpoint for SnapStart ones, which get no key variables; system properties first, for tests.
   */
  private static final AwsCredentialsProvider CREDENTIALS =
      AwsCredentialsProviderChain.of(
          SystemPropertyCredentialsProvider.create(),
          EnvironmentVariableCredentialsProvider.create(),
          ContainerCredentialsProvider.builder().build());

  private HandlerFactory() {}

  /** The route's handler on real tables, with flags from AppConfig when the route reads them. */
  public static RouteHandler create(Route route, HandlerConfig config) {
    return instantiate(route, dependencies(route, config));
  }

  /** The route's handler on real tables, with the given feature flags instead of AppConfig. */
  public static RouteHandler create(Route route, HandlerConfig config, FeatureFlags flags) {
    return instantiate(route, dependencies(config, flags));
  }

  static Dependencies dependencies(Route route, HandlerConfig config) {
    // Only the routes that read flags build an AppConfig client: the others start faster.
    FeatureFlags flags =
        route.needs().featureFlags() ? appConfigFlags(config) : FeatureFlags.allOff();
    return dependencies(config, flags);
  }

  private static Dependencies dependencies(HandlerConfig config, FeatureFlags flags) {
    DynamoDbClient dynamoDb = dynamoDbClient();
    return new Dependencies(
        new OrderService(
            new DynamoDbOrderRepository(dynamoDb, config.tableName()),
            new DynamoDbIdempotencyRepository(dynamoDb, config.idempotencyTableName()),
            flags,
            Clock.systemUTC()),
        flags,
        MetricsFactory.getMetricsInstance());
  }

  private static FeatureFlags appConfigFlags(HandlerConfig config) {
    AppConfigDataClient appConfig =
        AppConfigDataClient.builder()
            .region(region())
            .credentialsProvider(CREDENTIALS)
            .httpClientBuilder(httpClient(TimeBudget.APPCONFIG_ATTEMPT_TIMEOUT))
            .overrideConfiguration(
                timeouts(TimeBudget.APPCONFIG_ATTEMPT_TIMEOUT, TimeBudget.APPCONFIG_CALL_TIMEOUT))
            .build();
    return new StoredFeatureFlags(
        new AppConfigFeatureFlagStore(
            appConfig,
            config.appConfigApplication(),
            config.appConfigEnvironment(),
            config.appConfigProfile(),
            FLAGS_MAX_AGE_SECONDS),
        Clock.systemUTC(),
        FLAGS_BACKOFF);
  }

  /** {@code aws.region}, else {@code AWS_REGION}, which Lambda always sets. */
  private static Region region() {
    return Region.of(SdkSystemSetting.AWS_REGION.getStringValueOrThrow());
  }

  /** The DynamoDB client of the handlers, with the timeouts of {@link TimeBudget}. */
  static DynamoDbClient dynamoDbClient() {
    return DynamoDbClient.builder()
        .region(region())
        .credentialsProvider(CREDENTIALS)
        .httpClientBuilder(httpClient(TimeBudget.DYNAMODB_ATTEMPT_TIMEOUT))
        .overrideConfiguration(
            timeouts(TimeBudget.DYNAMODB_ATTEMPT_TIMEOUT, TimeBudget.DYNAMODB_CALL_TIMEOUT))
        .build();
  }

  // Each attempt, and the call with all its retries, ends in time; then the SDK throws.
  private static ClientOverrideConfiguration timeouts(Duration attempt, Duration call) {
    return ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(attempt)
        .apiCallTimeout(call)
        .build();
  }

  // The attempt timeout bounds a whole attempt; the socket timeout also ends a read that stalls.
  private static UrlConnectionHttpClient.Builder httpClient(Duration attemptTimeout) {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(TimeBudget.CONNECT_TIMEOUT)
        .socketTimeout(attemptTimeout);
  }

  /**
   * Every handler has a constructor taking {@link Dependencies}: the table names only its class.
   */
  static RouteHandler instantiate(Route route, Dependencies dependencies) {
    try {
      return route.handler().getDeclaredConstructor(Dependencies.class).newInstance(dependencies);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("Cannot build the handler of " + route, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          route.handler().getSimpleName() + " needs a constructor taking Dependencies", e);
    }
  }
}
