package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.util.Map;
import java.util.UUID;

/** Synthetic API Gateway events for priming; none of them can create, change or find data. */
final class PrimingEvents {

  private PrimingEvents() {}

  /** A create whose body breaks every rule: parsed, validated, answered 422, never stored. */
  static APIGatewayProxyRequestEvent invalidCreate() {
    return event(Route.CREATE_ORDER, "/api/orders", Map.of())
        .withBody("{\"customerName\": 42, \"orderItemCount\": 2.5}");
  }

  /** A read or delete of an id that is not a UUID: answered 404 without any I/O. */
  static APIGatewayProxyRequestEvent malformedId(Route route) {
    return event(route, "/api/orders/priming", Map.of(Route.ORDER_ID_PARAMETER, "priming"));
  }

  /** A read or delete of a random UUID: reaches DynamoDB, finds nothing, answers 404. */
  static APIGatewayProxyRequestEvent unknownId(Route route) {
    String id = UUID.randomUUID().toString();
    return event(route, "/api/orders/" + id, Map.of(Route.ORDER_ID_PARAMETER, id));
  }

  private static APIGatewayProxyRequestEvent event(
      Route route, String path, Map<String, String> pathParameters) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(route.method())
        .withResource(route.resource())
        .withPath(path)
        .withPathParameters(pathParameters)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withRequestContext(new ProxyRequestContext().withRequestId("priming"));
  }
}
