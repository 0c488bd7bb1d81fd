package ${package}.handlers;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import ${package}.dal.AppConfigFeatureFlagStore;
import ${package}.dal.DynamoDbIdempotencyRepository;
import ${package}.dal.DynamoDbOrderRepository;
import ${package}.logic.FeatureFlags;
import ${package}.logic.OrderService;
import ${package}.logic.StoredFeatureFlags;

/**
 * Builds the real collaborators of the handlers, once per function instance. Region, credentials
 * and endpoints come from the SDK's defaults, so the system properties {@code aws.region}, {@code
 * aws.accessKeyId}, {@code aws.secretAccessKey} and {@code aws.endpointUrlDynamoDb} work.
 */
final class ServiceWiring {

  /** How long a fetched flags document is used before AppConfig is asked again. */
  static final int FLAGS_MAX_AGE_SECONDS = 60;

  /** How long flags stay off after AppConfig could not be reached. */
  static final Duration FLAGS_BACKOFF = Duration.ofSeconds(30);

  // A create must not wait long on the configuration service: flags then default to off.
  private static final Duration APPCONFIG_TIMEOUT = Duration.ofSeconds(2);

  private ServiceWiring() {}

  static OrderService orderService(HandlerConfig config, FeatureFlags flags) {
    DynamoDbClient dynamoDb =
        DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    return new OrderService(
        new DynamoDbOrderRepository(dynamoDb, config.tableName()),
        new DynamoDbIdempotencyRepository(dynamoDb, config.idempotencyTableName()),
        flags,
        Clock.systemUTC());
  }

  static FeatureFlags appConfigFlags(HandlerConfig config) {
    AppConfigDataClient appConfig =
        AppConfigDataClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.apiCallTimeout(APPCONFIG_TIMEOUT))
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
}
