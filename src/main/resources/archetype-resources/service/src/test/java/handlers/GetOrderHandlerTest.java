package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import static ${package}.handlers.ProblemAssert.assertProblem;
import static ${package}.handlers.ProblemAssert.json;
import static ${package}.models.OrderFixtures.OWNER;
import static ${package}.models.OrderFixtures.anOrder;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import ${package}.dal.InMemoryOrderRepository;
import ${package}.dal.OrderRepository;
import ${package}.logic.FeatureFlags;
import ${package}.models.Order;
import ${package}.models.Owner;

class GetOrderHandlerTest {

  private static final String ID = "3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f";

  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  private final Metrics metrics = mock(Metrics.class);

  private GetOrderHandler handler(OrderRepository repository) {
    return new GetOrderHandler(InMemoryDependencies.of(repository, FeatureFlags.allOff(), metrics));
  }

  private APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
    return handler(orders).handleRequest(event, new StubContext());
  }

  @Test
  void anotherCallersOrder_answers404AsIfItDidNotExist() {
    // Given
    orders.save(OWNER, anOrder().id(ID).build());

    // When
    APIGatewayProxyResponseEvent response =
        call(Events.signedBy(Events.getOrder(ID), "123456789012", "AROAEXAMPLEBOB:session"));

    // Then
    assertProblem(response, 404, "/api/orders/" + ID);
  }

  @Test
  void existingOrder_answers200WithTheOrder() {
    // Given
    orders.save(
        OWNER,
        anOrder()
            .id(ID)
            .customerName("Ada")
            .orderItemCount(3)
            .createdAt(Instant.parse("2026-11-26T10:15:30.123Z"))
            .discountPercent(10)
            .build());

    // When
    APIGatewayProxyResponseEvent response = call(Events.getOrder(ID));

    // Then
    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("id").asText()).isEqualTo(ID);
    assertThat(body.path("customerName").asText()).isEqualTo("Ada");
    assertThat(body.path("orderItemCount").asInt()).isEqualTo(3);
    assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-26T10:15:30.123Z");
    assertThat(body.path("discountPercent").asInt()).isEqualTo(10);
    verify(metrics).addMetric(Route.GET_ORDER.businessMetric(), 1, MetricUnit.COUNT);
  }

  @Test
  void unknownOrder_answers404() {
    assertProblem(call(Events.getOrder(ID)), 404, "/api/orders/" + ID);
    verifyNoInteractions(metrics);
  }

  @Test
  void idThatIsNotUuid_answers404() {
    assertProblem(call(Events.getOrder("not-an-id")), 404, "/api/orders/not-an-id");
  }

  @Test
  void missingPathParameter_answers404() {
    APIGatewayProxyResponseEvent response =
        call(Events.getOrder(ID).withPathParameters(null).withPath("/api/orders/"));

    assertProblem(response, 404, "/api/orders/");
  }

  @Test
  void wrongMethod_answers405ListingTheResourceMethods() {
    APIGatewayProxyResponseEvent response = call(Events.getOrder(ID).withHttpMethod("PATCH"));

    assertProblem(response, 405, "/api/orders/" + ID);
    assertThat(response.getHeaders().get("Allow").split(", "))
        .containsExactlyElementsOf(Route.methodsOf("/api/orders/{id}"));
  }

  @Test
  void storageFailure_answers500() {
    // Given
    OrderRepository broken =
        new InMemoryOrderRepository() {
          @Override
          public Optional<Order> findById(Owner owner, String id) {
            throw new IllegalStateException("throttled");
          }
        };

    // When
    APIGatewayProxyResponseEvent response =
        handler(broken).handleRequest(Events.getOrder(ID), new StubContext());

    // Then a bug, not an outage: no dependency failure is counted
    assertProblem(response, 500, "/api/orders/" + ID);
    verifyNoInteractions(metrics);
  }

  @Test
  void storageTimeout_answers503AndCountsADependencyFailure() {
    // Given
    OrderRepository stalled =
        new InMemoryOrderRepository() {
          @Override
          public Optional<Order> findById(Owner owner, String id) {
            throw ApiCallTimeoutException.create(TimeBudget.DYNAMODB_CALL_TIMEOUT.toMillis());
          }
        };

    // When
    APIGatewayProxyResponseEvent response =
        handler(stalled).handleRequest(Events.getOrder(ID), new StubContext());

    // Then
    JsonNode problem = assertProblem(response, 503, "/api/orders/" + ID);
    assertThat(problem.path("requestId").asText()).isNotBlank();
    verify(metrics).addMetric(ProblemResponses.DEPENDENCY_FAILURES_METRIC, 1, MetricUnit.COUNT);
  }

  @Test
  void primingWhileStorageIsDown_countsNoDependencyFailure() {
    // Given
    GetOrderHandler handler =
        handler(
            new InMemoryOrderRepository() {
              @Override
              public Optional<Order> findById(Owner owner, String id) {
                throw ApiCallTimeoutException.create(1);
              }
            });

    // When
    handler.priming.beforeCheckpoint(null);

    // Then priming is no traffic
    verifyNoInteractions(metrics);
  }

  @Test
  void priming_readsOneRandomIdAndFindsNothing() {
    // Given storage that records what it is asked
    List<String> asked = new ArrayList<>();
    OrderRepository recording =
        new InMemoryOrderRepository() {
          @Override
          public Optional<Order> findById(Owner owner, String id) {
            asked.add(id);
            return Optional.empty();
          }
        };
    GetOrderHandler handler = handler(recording);

    // When
    handler.priming.beforeCheckpoint(null);

    // Then
    assertThat(asked).hasSize(1).allMatch(id -> id.matches("[0-9a-f-]{36}"));
    verifyNoInteractions(metrics);
  }
}
