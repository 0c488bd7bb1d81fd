package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Optional;

import ${package}.logic.CreatedOrder;
import ${package}.models.CreateOrderRequest;
import ${package}.models.IdempotencyKey;

/**
 * POST /api/orders: creates an order (201), once per {@code Idempotency-Key} of the signing caller
 * when one is sent.
 */
public final class CreateOrderHandler extends RouteHandler {

  @Override
  APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event) {
    CreateOrderRequest request = CreateOrderRequest.fromJson(ApiRequests.body(event));
    Optional<IdempotencyKey> key =
        ApiRequests.header(event, IdempotencyKey.HEADER)
            .map(value -> new IdempotencyKey(value, ApiRequests.caller(event)));
    CreatedOrder created = orders.createOrder(request, key);
    if (!created.replayed()) {
      countBusinessMetric();
    }
    return ApiResponses.json(201, created.order());
  }

  /** Lambda's entry point. */
  public CreateOrderHandler() {
    super(Route.CREATE_ORDER);
  }

  /** For tests: the given collaborators. */
  CreateOrderHandler(Dependencies dependencies) {
    super(Route.CREATE_ORDER, dependencies);
  }
}
