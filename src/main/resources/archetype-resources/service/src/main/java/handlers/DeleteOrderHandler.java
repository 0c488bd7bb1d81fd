package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import ${package}.models.Owner;

/** DELETE /api/orders/{id}: deletes the order (204), or 404 when there is none. */
public final class DeleteOrderHandler extends RouteHandler {

  @Override
  APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event, Owner owner) {
    orders.deleteOrder(owner, ApiRequests.pathParameter(event, Route.ORDER_ID_PARAMETER));
    countBusinessMetric();
    return ApiResponses.noContent();
  }

  /** Lambda's entry point. */
  public DeleteOrderHandler() {
    super(Route.DELETE_ORDER);
  }

  /** For tests: the given collaborators. */
  DeleteOrderHandler(Dependencies dependencies) {
    super(Route.DELETE_ORDER, dependencies);
  }
}
