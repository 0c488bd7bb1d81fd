package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import ${package}.models.OrderPage;
import ${package}.models.Owner;
import ${package}.models.PageRequest;

/** GET /api/orders: a page of the caller's own orders, newest first (200). */
public final class ListOrdersHandler extends RouteHandler {

  @Override
  APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event, Owner owner) {
    PageRequest page =
        PageRequest.fromQuery(
            ApiRequests.queryParameter(event, PageRequest.LIMIT),
            ApiRequests.queryParameter(event, PageRequest.CURSOR));
    OrderPage orderPage = orders.listOrders(owner, page);
    countBusinessMetric();
    return ApiResponses.json(200, orderPage);
  }

  /** Lambda's entry point. */
  public ListOrdersHandler() {
    super(Route.LIST_ORDERS);
  }

  /** For tests: the given collaborators. */
  ListOrdersHandler(Dependencies dependencies) {
    super(Route.LIST_ORDERS, dependencies);
  }
}
