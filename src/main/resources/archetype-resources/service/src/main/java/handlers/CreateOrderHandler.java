package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Optional;

import ${package}.logic.CreatedOrder;
import ${package}.models.CreateOrderRequest;
import ${package}.models.IdempotencyKey;
import ${package}.models.Owner;

/**
 * POST /api/orders: creates an order of the signing caller (201), once per {@code Idempotency-Key}
 * when one is sent.
 */
public final class CreateOrderHandler extends RouteHandler {

  @Override
  APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event, Owner owner) {
    CreateOrderRequest request = CreateOrderRequest.fromJson(ApiRequests.body(event));
    Optional<IdempotencyKey> key =
        ApiRequests.header(event, IdempotencyKey.HEADER)
            .map(value -> new IdempotencyKey(value, ApiRequests.caller(event)));
    CreatedOrder created = orders.createOrder(owner, request, key);
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
