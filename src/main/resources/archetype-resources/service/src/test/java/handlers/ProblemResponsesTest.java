package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.handlers.ProblemAssert.assertProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

  @Test
  void routeNotFound_isA404Problem() {
    APIGatewayProxyResponseEvent response =
        ProblemResponses.routeNotFound(Events.getOrder("x").withPath("/api/unknown"));

    assertProblem(response, 404, "/api/unknown");
  }

  @Test
  void methodNotAllowed_isA405ProblemWithAllow() {
    APIGatewayProxyResponseEvent response =
        ProblemResponses.methodNotAllowed(
            Events.createOrder("{}").withHttpMethod("PUT"), Route.methodsOf("/api/orders"));

    assertProblem(response, 405, "/api/orders");
    assertThat(response.getHeaders()).containsEntry("Allow", "POST");
  }

  @Test
  void unexpectedFailureWithoutGatewayRequestId_usesTheLambdaRequestId() {
    APIGatewayProxyResponseEvent response =
        ProblemResponses.fromException(
            new IllegalStateException("boom"),
            Events.createOrder("{}").withRequestContext(null),
            new StubContext());

    assertThat(ProblemAssert.json(response).path("requestId").asText())
        .isEqualTo(StubContext.AWS_REQUEST_ID);
  }

  @Test
  void routes_pointAtTheirHandlers() {
    assertThat(Route.CREATE_ORDER.handler()).isEqualTo(CreateOrderHandler.class);
    assertThat(Route.GET_ORDER.handler()).isEqualTo(GetOrderHandler.class);
    assertThat(Route.DELETE_ORDER.handler()).isEqualTo(DeleteOrderHandler.class);
    assertThat(Route.methodsOf("/api/orders/{id}")).isEqualTo(List.of("GET", "DELETE"));
    assertThat(Route.methodsOf("/nowhere")).isEmpty();
  }
}
