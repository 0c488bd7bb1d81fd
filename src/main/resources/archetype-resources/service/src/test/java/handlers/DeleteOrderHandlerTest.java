package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import static ${package}.handlers.ProblemAssert.assertProblem;
import static ${package}.models.OrderFixtures.OWNER;
import static ${package}.models.OrderFixtures.anOrder;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import ${package}.dal.InMemoryOrderRepository;
import ${package}.logic.FeatureFlags;

class DeleteOrderHandlerTest {

  private static final String ID = "3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f";

  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  private final Metrics metrics = mock(Metrics.class);
  private final DeleteOrderHandler handler =
      new DeleteOrderHandler(InMemoryDependencies.of(orders, FeatureFlags.allOff(), metrics));

  private APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
    return handler.handleRequest(event, new StubContext());
  }

  @Test
  void existingOrder_isDeletedAnswers204WithoutBody() {
    // Given
    orders.save(OWNER, anOrder().id(ID).build());

    // When
    APIGatewayProxyResponseEvent response = call(Events.deleteOrder(ID));

    // Then
    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(response.getBody()).isNull();
    assertThat(orders.size()).isZero();
    verify(metrics).addMetric(Route.DELETE_ORDER.businessMetric(), 1, MetricUnit.COUNT);
  }

  @Test
  void unknownOrder_answers404() {
    assertProblem(call(Events.deleteOrder(ID)), 404, "/api/orders/" + ID);
    verifyNoInteractions(metrics);
  }

  @Test
  void secondDelete_answers404() {
    // Given
    orders.save(OWNER, anOrder().id(ID).build());
    call(Events.deleteOrder(ID));

    // When / Then
    assertProblem(call(Events.deleteOrder(ID)), 404, "/api/orders/" + ID);
  }

  @Test
  void wrongMethod_answers405() {
    APIGatewayProxyResponseEvent response = call(Events.deleteOrder(ID).withHttpMethod("POST"));

    assertProblem(response, 405, "/api/orders/" + ID);
    assertThat(response.getHeaders().get("Allow").split(", "))
        .containsExactlyElementsOf(Route.methodsOf("/api/orders/{id}"));
  }

  @Test
  void priming_deletesNothing() {
    // Given
    orders.save(OWNER, anOrder().id(ID).build());

    // When
    handler.priming.beforeCheckpoint(null);

    // Then
    assertThat(orders.size()).isEqualTo(1);
    verifyNoInteractions(metrics);
  }
}
