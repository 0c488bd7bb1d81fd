package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;

import ${package}.models.Json;

/** Successful answers: JSON bodies with their status. */
final class ApiResponses {

  private ApiResponses() {}

  /** A JSON body with the given status. */
  static APIGatewayProxyResponseEvent json(int status, Object body) {
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(status)
        .withHeaders(new HashMap<>(Map.of("Content-Type", "application/json")))
        .withBody(Json.write(body));
  }

  /** 204 without a body. */
  static APIGatewayProxyResponseEvent noContent() {
    return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(new HashMap<>());
  }
}
