package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.Logging;
import software.amazon.lambda.powertools.metrics.FlushMetrics;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

import ${package}.logic.CreatedOrder;
import ${package}.logic.FeatureFlag;
import ${package}.logic.FeatureFlags;
import ${package}.logic.OrderService;
import ${package}.models.CreateOrderRequest;
import ${package}.models.IdempotencyKey;

/**
 * POST /api/orders: creates an order (201), once per {@code Idempotency-Key} when one is sent.
 *
 * <p>Constructors: the no-argument one is Lambda's (configuration from the environment, flags from
 * AppConfig); {@link #CreateOrderHandler(HandlerConfig, FeatureFlags)} uses the real DynamoDB
 * client with the given flags instead of AppConfig, for local servers.
 */
public final class CreateOrderHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private final OrderService service;
  private final Metrics metrics;
  // Held so that the SnapStart hook stays registered; tests run it directly.
  final Priming priming;

  /** Lambda's entry point: reads and checks the environment once, at init. */
  public CreateOrderHandler() {
    this(HandlerConfig.fromEnvironment());
  }

  /** Real DynamoDB tables and AppConfig feature flags named by the configuration. */
  public CreateOrderHandler(HandlerConfig config) {
    this(config, ServiceWiring.appConfigFlags(config));
  }

  /** Real DynamoDB tables named by the configuration, with the given feature flags. */
  public CreateOrderHandler(HandlerConfig config, FeatureFlags flags) {
    this(ServiceWiring.orderService(config, flags), flags, MetricsFactory.getMetricsInstance());
  }

  CreateOrderHandler(OrderService service, FeatureFlags flags, Metrics metrics) {
    this.service = service;
    this.metrics = metrics;
    this.priming =
        Priming.prime(
            () -> respond(PrimingEvents.invalidCreate(), null),
            () -> {
              respond(PrimingEvents.invalidCreate(), null);
              flags.isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN);
            });
  }

  @Override
  @Logging(correlationIdPath = CorrelationIdPaths.API_GATEWAY_REST)
  @Tracing(captureMode = CaptureMode.DISABLED)
  @FlushMetrics(captureColdStart = true)
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    return respond(event, context);
  }

  APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event, Context context) {
    return ProblemResponses.handle(
        Route.CREATE_ORDER,
        event,
        context,
        () -> {
          CreateOrderRequest request = CreateOrderRequest.fromJson(ApiRequests.body(event));
          CreatedOrder created =
              service.createOrder(
                  request,
                  ApiRequests.header(event, IdempotencyKey.HEADER).map(IdempotencyKey::new));
          if (!created.replayed()) {
            metrics.addMetric(BusinessMetrics.ORDERS_CREATED, 1, MetricUnit.COUNT);
          }
          return ApiResponses.json(201, created.order());
        });
  }
}
