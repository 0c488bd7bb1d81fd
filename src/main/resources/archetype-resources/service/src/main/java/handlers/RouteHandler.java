package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.Logging;
import software.amazon.lambda.powertools.metrics.FlushMetrics;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

import ${package}.logic.FeatureFlag;
import ${package}.logic.OrderService;
import ${package}.models.Owner;

/**
 * What every handler shares: Powertools logs, traces and metrics on the entry point, the method
 * check and the error mapping of {@link ProblemResponses}, its route's business metric, the count
 * of dependency failures and priming, and whose request it is: every handler is given the request's
 * {@link Owner}, and the order logic serves nothing without one. A handler implements {@link
 * #respond} and its two constructors, nothing else.
 */
public abstract class RouteHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>,
        RequestStreamHandler {

  /** The log field of the correlation id in the Powertools JSON layout. */
  static final String CORRELATION_ID = "correlation_id";

  /** The order rules, for {@link #respond}. */
  final OrderService orders;

  private final Route route;
  private final Metrics metrics;
  // Held so that the SnapStart hook stays registered; tests run it directly.
  final Priming priming;
  // True while priming runs (at init and before the snapshot, never beside a request): its
  // requests are no traffic, so a list that succeeds counts nothing.
  private boolean primingNow;

  /** Lambda's way: the real collaborators, configured from the environment once, at init. */
  RouteHandler(Route route) {
    this(route, HandlerFactory.dependencies(route, HandlerConfig.fromEnvironment()));
  }

  /** The given collaborators; primes the request path before the first request. */
  RouteHandler(Route route, Dependencies dependencies) {
    this.route = route;
    this.orders = dependencies.orders();
    this.metrics = dependencies.metrics();
    this.priming =
        Priming.prime(
            () -> prime(PrimingEvents.withoutIds(route)),
            () -> {
              prime(PrimingEvents.withUnknownIds(route));
              if (route.needs().featureFlags()) {
                for (FeatureFlag flag : FeatureFlag.values()) {
                  dependencies.flags().isEnabled(flag);
                }
              }
            });
  }

  /**
   * Serves one request of this route's method for its owner (the signed caller): parse it, call the
   * logic, return the answer. The logic's exceptions become problem responses.
   */
  abstract APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event, Owner owner);

  /**
   * Lambda's entry point: the runtime picks this overload of {@code handleRequest}, the one with
   * more parameters. It reads the event and writes the response with the service's own Jackson, so
   * that the runtime sets up no serializer of its own, and runs the typed one in between.
   */
  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    ApiGatewayJson.writeResponse(handleRequest(ApiGatewayJson.readRequest(input), context), output);
  }

  /**
   * One request, with Powertools' logging, tracing and metrics around it. The correlation id is the
   * request id, read from the event rather than through a {@code correlationIdPath}, whose JMESPath
   * evaluation loads about 300 classes at the first request.
   */
  @Override
  @Logging
  @Tracing(captureMode = CaptureMode.DISABLED)
  @FlushMetrics(captureColdStart = true)
  public final APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    MDC.put(CORRELATION_ID, ApiRequests.requestId(event, context));
    APIGatewayProxyResponseEvent response = serve(event, context);
    // Counted here, not in serve: priming's requests are no traffic.
    if (response.getStatusCode() == ProblemResponses.SERVICE_UNAVAILABLE) {
      metrics.addMetric(ProblemResponses.DEPENDENCY_FAILURES_METRIC, 1, MetricUnit.COUNT);
    }
    return response;
  }

  /** The request path without Powertools' entry-point work: what priming runs. */
  final APIGatewayProxyResponseEvent serve(APIGatewayProxyRequestEvent event, Context context) {
    return ProblemResponses.handle(
        route, event, context, () -> respond(event, Owner.of(ApiRequests.caller(event))));
  }

  private void prime(APIGatewayProxyRequestEvent event) {
    primingNow = true;
    try {
      serve(event, null);
    } finally {
      primingNow = false;
    }
  }

  /** Counts one more of this route's business metric, unless priming. */
  final void countBusinessMetric() {
    if (!primingNow) {
      metrics.addMetric(route.businessMetric(), 1, MetricUnit.COUNT);
    }
  }
}
