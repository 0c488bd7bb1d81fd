package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import static ${package}.handlers.ProblemAssert.assertProblem;
import static ${package}.handlers.ProblemAssert.json;
import static ${package}.models.OrderFixtures.OWNER;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import ${package}.dal.InMemoryOrderRepository;
import ${package}.dal.OrderRepository;
import ${package}.logic.FeatureFlag;
import ${package}.logic.FeatureFlags;
import ${package}.models.Order;
import ${package}.models.Owner;

class CreateOrderHandlerTest {

  private static final String VALID = "{\"customerName\": \"Ada\", \"orderItemCount\": 3}";

  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  private final Metrics metrics = mock(Metrics.class);

  private CreateOrderHandler handler(OrderRepository repository, FeatureFlags flags) {
    return new CreateOrderHandler(InMemoryDependencies.of(repository, flags, metrics));
  }

  private APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
    return handler(orders, FeatureFlags.allOff()).handleRequest(event, new StubContext());
  }

  @Test
  void validBody_createsOrderAnswers201() {
    // When
    APIGatewayProxyResponseEvent response = call(Events.createOrder(VALID));

    // Then
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    JsonNode body = json(response);
    assertThat(body.path("customerName").asText()).isEqualTo("Ada");
    assertThat(body.path("orderItemCount").asInt()).isEqualTo(3);
    assertThat(body.path("discountPercent").asInt()).isZero();
    assertThat(UUID.fromString(body.path("id").asText())).isNotNull();
    assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(orders.findById(OWNER, body.path("id").asText())).isPresent();
    verify(metrics).addMetric(Route.CREATE_ORDER.businessMetric(), 1, MetricUnit.COUNT);
  }

  @Test
  void campaignFlagOn_orderGetsTenPercentOff() {
    // Given
    CreateOrderHandler handler =
        handler(orders, FeatureFlags.enabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN));

    // When
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(Events.createOrder(VALID), new StubContext());

    // Then
    assertThat(json(response).path("discountPercent").asInt()).isEqualTo(10);
  }

  @Test
  void base64Body_isDecoded() {
    // Given
    String encoded = Base64.getEncoder().encodeToString(VALID.getBytes(StandardCharsets.UTF_8));

    // When
    APIGatewayProxyResponseEvent response =
        call(Events.createOrder(encoded).withIsBase64Encoded(true));

    // Then
    assertThat(response.getStatusCode()).isEqualTo(201);
  }

  @Test
  void invalidBase64_answers400() {
    APIGatewayProxyResponseEvent response =
        call(Events.createOrder("%%%not base64").withIsBase64Encoded(true));

    assertProblem(response, 400, "/api/orders");
  }

  @Test
  void malformedJson_answers400() {
    // When
    APIGatewayProxyResponseEvent response = call(Events.createOrder("{\"customerName\": "));

    // Then
    JsonNode problem = assertProblem(response, 400, "/api/orders");
    assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
    verifyNoInteractions(metrics);
  }

  @Test
  void missingBody_answers400() {
    assertProblem(call(Events.createOrder(null)), 400, "/api/orders");
  }

  @Test
  void ruleViolations_answer422WithOneErrorPerField() {
    // When
    APIGatewayProxyResponseEvent response =
        call(Events.createOrder("{\"customerName\": \"\", \"orderItemCount\": \"3\"}"));

    // Then
    JsonNode problem = assertProblem(response, 422, "/api/orders");
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactly("customerName", "orderItemCount");
    assertThat(problem.path("errors").findValuesAsText("message"))
        .containsExactly("must not be blank", "must be an integer");
  }

  @Test
  void wrongMethod_answers405WithAllow() {
    // When
    APIGatewayProxyResponseEvent response = call(Events.createOrder(VALID).withHttpMethod("PUT"));

    // Then
    assertProblem(response, 405, "/api/orders");
    assertThat(response.getHeaders())
        .containsEntry("Allow", String.join(", ", Route.methodsOf("/api/orders")));
    assertThat(orders.size()).isZero();
  }

  @Test
  void repeatWithSameIdempotencyKey_returnsTheFirstOrderAndCountsOnce() {
    // Given
    CreateOrderHandler handler = handler(orders, FeatureFlags.allOff());
    APIGatewayProxyRequestEvent event =
        Events.withHeader(Events.createOrder(VALID), "Idempotency-Key", "key-1");

    // When
    APIGatewayProxyResponseEvent first = handler.handleRequest(event, new StubContext());
    APIGatewayProxyResponseEvent repeat =
        handler.handleRequest(
            Events.withHeader(
                Events.createOrder("{\"orderItemCount\":3,\"customerName\":\"Ada\"}"),
                "idempotency-key",
                "key-1"),
            new StubContext());

    // Then
    assertThat(repeat.getStatusCode()).isEqualTo(201);
    assertThat(json(repeat).path("id")).isEqualTo(json(first).path("id"));
    assertThat(orders.size()).isEqualTo(1);
    verify(metrics, times(1)).addMetric(Route.CREATE_ORDER.businessMetric(), 1, MetricUnit.COUNT);
  }

  @Test
  void sameIdempotencyKeyFromAnotherSigner_createsItsOwnOrder() {
    // Given
    CreateOrderHandler handler = handler(orders, FeatureFlags.allOff());
    APIGatewayProxyRequestEvent fromAda =
        Events.signedBy(
            Events.withHeader(Events.createOrder(VALID), "Idempotency-Key", "key-1"),
            "123456789012",
            "AROAEXAMPLEADA:session-1");
    APIGatewayProxyRequestEvent fromBob =
        Events.signedBy(
            Events.withHeader(Events.createOrder(VALID), "Idempotency-Key", "key-1"),
            "123456789012",
            "AROAEXAMPLEBOB:session-1");
    APIGatewayProxyRequestEvent fromAdaLater =
        Events.signedBy(
            Events.withHeader(Events.createOrder(VALID), "Idempotency-Key", "key-1"),
            "123456789012",
            "AROAEXAMPLEADA:session-2");

    // When
    String adas = json(handler.handleRequest(fromAda, new StubContext())).path("id").asText();
    String bobs = json(handler.handleRequest(fromBob, new StubContext())).path("id").asText();
    String adasLater =
        json(handler.handleRequest(fromAdaLater, new StubContext())).path("id").asText();

    // Then: a new session of Ada's role is still Ada
    assertThat(bobs).isNotEqualTo(adas);
    assertThat(adasLater).isEqualTo(adas);
    assertThat(orders.size()).isEqualTo(2);
  }

  @Test
  void unsignedRequests_shareOneKeySpace() {
    // Given: an API open to anyone (api.auth none), whose events name no caller
    CreateOrderHandler handler = handler(orders, FeatureFlags.allOff());
    APIGatewayProxyRequestEvent event =
        Events.unsigned(Events.withHeader(Events.createOrder(VALID), "Idempotency-Key", "key-1"));

    // When
    String first = json(handler.handleRequest(event, new StubContext())).path("id").asText();
    String repeat = json(handler.handleRequest(event, new StubContext())).path("id").asText();

    // Then
    assertThat(repeat).isEqualTo(first);
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void idempotencyKeyInMultiValueHeaders_isHonoured() {
    // Given only multi-value headers, as some proxies send them
    CreateOrderHandler handler = handler(orders, FeatureFlags.allOff());
    APIGatewayProxyRequestEvent event = Events.createOrder(VALID).withHeaders(null);
    event.getMultiValueHeaders().put("IDEMPOTENCY-KEY", List.of("key-2"));

    // When
    String firstId = json(handler.handleRequest(event, new StubContext())).path("id").asText();
    String repeatId = json(handler.handleRequest(event, new StubContext())).path("id").asText();

    // Then
    assertThat(repeatId).isEqualTo(firstId);
  }

  @Test
  void sameIdempotencyKeyWithOtherBody_answers409() {
    // Given
    CreateOrderHandler handler = handler(orders, FeatureFlags.allOff());
    handler.handleRequest(
        Events.withHeader(Events.createOrder(VALID), "Idempotency-Key", "key-1"),
        new StubContext());

    // When
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(
            Events.withHeader(
                Events.createOrder("{\"customerName\": \"Bob\", \"orderItemCount\": 3}"),
                "Idempotency-Key",
                "key-1"),
            new StubContext());

    // Then
    assertProblem(response, 409, "/api/orders");
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void invalidIdempotencyKey_answers422NamingTheHeader() {
    APIGatewayProxyResponseEvent response =
        call(Events.withHeader(Events.createOrder(VALID), "Idempotency-Key", "has space"));

    JsonNode problem = assertProblem(response, 422, "/api/orders");
    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
  }

  @Test
  void unexpectedFailure_answers500WithRequestIdAndNoInternals() {
    // Given storage that breaks
    OrderRepository broken =
        new InMemoryOrderRepository() {
          @Override
          public void save(Owner owner, Order order) {
            throw new IllegalStateException("table secret-table is gone");
          }
        };

    // When
    APIGatewayProxyResponseEvent response =
        handler(broken, FeatureFlags.allOff())
            .handleRequest(Events.createOrder(VALID), new StubContext());

    // Then
    JsonNode problem = assertProblem(response, 500, "/api/orders");
    assertThat(problem.path("requestId").asText())
        .isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    assertThat(response.getBody())
        .doesNotContain("secret-table", "Exception", "at java.", "at com.");
  }

  @Test
  void priming_warmsWithoutStoringAnything() {
    // Given
    FeatureFlags flags = mock(FeatureFlags.class);
    CreateOrderHandler handler = handler(orders, flags);

    // When
    handler.priming.beforeCheckpoint(null);

    // Then the flags were fetched, nothing was stored and nothing counted
    verify(flags).isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN);
    assertThat(orders.size()).isZero();
    verifyNoInteractions(metrics);
  }
}
