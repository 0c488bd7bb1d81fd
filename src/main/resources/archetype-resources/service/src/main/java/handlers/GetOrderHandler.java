package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import ${package}.models.Order;
import ${package}.models.Owner;

/** GET /api/orders/{id}: the order (200), or 404. */
public final class GetOrderHandler extends RouteHandler {

  @Override
  APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event, Owner owner) {
    Order order =
        orders.getOrder(owner, ApiRequests.pathParameter(event, Route.ORDER_ID_PARAMETER));
    countBusinessMetric();
    return ApiResponses.json(200, order);
  }

  /** Lambda's entry point. */
  public GetOrderHandler() {
    super(Route.GET_ORDER);
  }

  /** For tests: the given collaborators. */
  GetOrderHandler(Dependencies dependencies) {
    super(Route.GET_ORDER, dependencies);
  }
}
