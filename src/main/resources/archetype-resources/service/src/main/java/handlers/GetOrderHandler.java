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

import ${package}.logic.FeatureFlags;
import ${package}.logic.OrderService;
import ${package}.models.Order;

/**
 * GET /api/orders/{id}: the order (200), or 404.
 *
 * <p>The no-argument constructor is Lambda's (configuration from the environment); {@link
 * #GetOrderHandler(HandlerConfig)} builds the same handler for local servers.
 */
public final class GetOrderHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private final OrderService service;
  private final Metrics metrics;
  // Held so that the SnapStart hook stays registered; tests run it directly.
  final Priming priming;

  /** Lambda's entry point: reads and checks the environment once, at init. */
  public GetOrderHandler() {
    this(HandlerConfig.fromEnvironment());
  }

  /** Real DynamoDB tables named by the configuration. */
  public GetOrderHandler(HandlerConfig config) {
    // Feature flags only shape new orders: this route never reads them.
    this(
        ServiceWiring.orderService(config, FeatureFlags.allOff()),
        MetricsFactory.getMetricsInstance());
  }

  GetOrderHandler(OrderService service, Metrics metrics) {
    this.service = service;
    this.metrics = metrics;
    this.priming =
        Priming.prime(
            () -> respond(PrimingEvents.malformedId(Route.GET_ORDER), null),
            () -> respond(PrimingEvents.unknownId(Route.GET_ORDER), null));
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
        Route.GET_ORDER,
        event,
        context,
        () -> {
          Order order =
              service.getOrder(ApiRequests.pathParameter(event, Route.ORDER_ID_PARAMETER));
          metrics.addMetric(BusinessMetrics.ORDERS_RETRIEVED, 1, MetricUnit.COUNT);
          return ApiResponses.json(200, order);
        });
  }
}
