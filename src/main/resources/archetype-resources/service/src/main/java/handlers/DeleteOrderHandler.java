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

/**
 * DELETE /api/orders/{id}: deletes the order (204), or 404 when there is none.
 *
 * <p>The no-argument constructor is Lambda's (configuration from the environment); {@link
 * #DeleteOrderHandler(HandlerConfig)} builds the same handler for local servers.
 */
public final class DeleteOrderHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  private final OrderService service;
  private final Metrics metrics;
  // Held so that the SnapStart hook stays registered; tests run it directly.
  final Priming priming;

  /** Lambda's entry point: reads and checks the environment once, at init. */
  public DeleteOrderHandler() {
    this(HandlerConfig.fromEnvironment());
  }

  /** Real DynamoDB tables named by the configuration. */
  public DeleteOrderHandler(HandlerConfig config) {
    // Feature flags only shape new orders: this route never reads them.
    this(
        ServiceWiring.orderService(config, FeatureFlags.allOff()),
        MetricsFactory.getMetricsInstance());
  }

  DeleteOrderHandler(OrderService service, Metrics metrics) {
    this.service = service;
    this.metrics = metrics;
    this.priming =
        Priming.prime(
            () -> respond(PrimingEvents.malformedId(Route.DELETE_ORDER), null),
            () -> respond(PrimingEvents.unknownId(Route.DELETE_ORDER), null));
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
        Route.DELETE_ORDER,
        event,
        context,
        () -> {
          service.deleteOrder(ApiRequests.pathParameter(event, Route.ORDER_ID_PARAMETER));
          metrics.addMetric(BusinessMetrics.ORDERS_DELETED, 1, MetricUnit.COUNT);
          return ApiResponses.noContent();
        });
  }
}
