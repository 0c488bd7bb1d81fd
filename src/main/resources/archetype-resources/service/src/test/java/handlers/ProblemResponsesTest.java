package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.handlers.ProblemAssert.assertProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
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
}
