package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import static ${package}.handlers.ProblemAssert.assertProblem;
import static ${package}.handlers.ProblemAssert.json;
import static ${package}.models.OrderFixtures.OTHER_OWNER;
import static ${package}.models.OrderFixtures.OWNER;
import static ${package}.models.OrderFixtures.anOrder;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import ${package}.dal.InMemoryOrderRepository;
import ${package}.logic.FeatureFlags;

class ListOrdersHandlerTest {

  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  private final Metrics metrics = mock(Metrics.class);

  private APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
    return new ListOrdersHandler(InMemoryDependencies.of(orders, FeatureFlags.allOff(), metrics))
        .handleRequest(event, new StubContext());
  }

  private void store(int count) {
    for (int i = 0; i < count; i++) {
      orders.save(
          OWNER,
          anOrder()
              .id(UUID.randomUUID().toString())
              .createdAt(Instant.parse("2026-11-26T10:00:00Z").plusSeconds(i))
              .build());
    }
  }

  @Test
  void noParameters_answersTheFirstTwentyOfTheCallersOrders_newestFirst() {
    // Given
    store(25);
    orders.save(OTHER_OWNER, anOrder().id(UUID.randomUUID().toString()).build());

    // When
    APIGatewayProxyResponseEvent response = call(Events.listOrders(Map.of()));

    // Then
    JsonNode page = json(response);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(page.path("orders")).hasSize(20);
    assertThat(page.path("orders").get(0).path("createdAt").asText())
        .isEqualTo("2026-11-26T10:00:24Z");
    assertThat(page.path("nextCursor").asText()).isNotBlank();
    verify(metrics).addMetric(Route.LIST_ORDERS.businessMetric(), 1, MetricUnit.COUNT);
  }

  @Test
  void lastPage_hasNoNextCursor() {
    // Given
    store(3);

    // When
    JsonNode page = json(call(Events.listOrders(Map.of("limit", "50"))));

    // Then
    assertThat(page.path("orders")).hasSize(3);
    assertThat(page.has("nextCursor")).isFalse();
  }

  @Test
  void badLimitOrCursor_answers422NamingEach() {
    // When
    APIGatewayProxyResponseEvent response =
        call(Events.listOrders(Map.of("limit", "0", "cursor", "<script>")));

    // Then
    JsonNode problem = assertProblem(response, 422, "/api/orders");
    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("limit", "cursor");
  }
}
