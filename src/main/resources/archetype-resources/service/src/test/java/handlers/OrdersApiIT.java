package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.handlers.ProblemAssert.assertProblem;
import static ${package}.handlers.ProblemAssert.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import ${package}.dal.IdempotencyTable;
import ${package}.dal.LocalDynamoDb;
import ${package}.logic.FeatureFlag;
import ${package}.logic.FeatureFlags;

/** Every route and status through the real handlers, their real wiring and a real DynamoDB. */
class OrdersApiIT {

  @RegisterExtension static final LocalDynamoDb DB = new LocalDynamoDb();

  private static RouteHandler create;
  private static RouteHandler get;
  private static RouteHandler delete;
  private static RouteHandler list;

  @BeforeAll
  static void wireHandlers() {
    DB.applySdkSystemProperties();
    create = HandlerFactory.create(Route.CREATE_ORDER, DB.handlerConfig(), FeatureFlags.allOff());
    get = HandlerFactory.create(Route.GET_ORDER, DB.handlerConfig());
    delete = HandlerFactory.create(Route.DELETE_ORDER, DB.handlerConfig());
    list = HandlerFactory.create(Route.LIST_ORDERS, DB.handlerConfig());
  }

  private static String body(String name, int count) {
    return "{\"customerName\": \"" + name + "\", \"orderItemCount\": " + count + "}";
  }

  private static APIGatewayProxyResponseEvent post(String body) {
    return create.handleRequest(Events.createOrder(body), new StubContext());
  }

  private static APIGatewayProxyResponseEvent post(String body, String key) {
    return create.handleRequest(
        Events.withHeader(Events.createOrder(body), "Idempotency-Key", key), new StubContext());
  }

  private static APIGatewayProxyResponseEvent post(String body, String key, String caller) {
    return create.handleRequest(
        Events.signedBy(
            Events.withHeader(Events.createOrder(body), "Idempotency-Key", key),
            "123456789012",
            caller),
        new StubContext());
  }

  @Test
  void createReadDelete_roundTrip() {
    // When
    APIGatewayProxyResponseEvent created = post(body("Ada", 3));
    String id = json(created).path("id").asText();
    APIGatewayProxyResponseEvent read = get.handleRequest(Events.getOrder(id), new StubContext());
    APIGatewayProxyResponseEvent deleted =
        delete.handleRequest(Events.deleteOrder(id), new StubContext());
    APIGatewayProxyResponseEvent readAgain =
        get.handleRequest(Events.getOrder(id), new StubContext());

    // Then
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(json(created));
    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertProblem(readAgain, 404, "/api/orders/" + id);
  }

  /** A caller of its own: the orders it creates are the only ones it can see. */
  private static String aNewCaller() {
    return "AROA"
        + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
  }

  private static <
          T extends com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent>
      T as(String caller, T event) {
    Events.signedBy(event, "123456789012", caller + ":session");
    return event;
  }

  @Test
  void anotherCaller_getsA404ForReadAndDelete_andTheOwnerKeepsTheOrder() {
    // Given
    String alice = aNewCaller();
    String bob = aNewCaller();
    String id =
        json(create.handleRequest(as(alice, Events.createOrder(body("Ada", 1))), new StubContext()))
            .path("id")
            .asText();

    // When
    APIGatewayProxyResponseEvent bobReads =
        get.handleRequest(as(bob, Events.getOrder(id)), new StubContext());
    APIGatewayProxyResponseEvent bobDeletes =
        delete.handleRequest(as(bob, Events.deleteOrder(id)), new StubContext());

    // Then
    assertProblem(bobReads, 404, "/api/orders/" + id);
    assertProblem(bobDeletes, 404, "/api/orders/" + id);
    assertThat(get.handleRequest(as(alice, Events.getOrder(id)), new StubContext()).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void list_ofFortyFiveOrders_comesInThreePagesNewestFirst_andOnlyToItsOwner() {
    // Given
    String alice = aNewCaller();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      created.add(
          0,
          json(create.handleRequest(
                  as(alice, Events.createOrder(body("Ada", i + 1))), new StubContext()))
              .path("id")
              .asText());
    }

    // When
    List<String> listed = new ArrayList<>();
    List<java.time.Instant> times = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> query = cursor == null ? Map.of() : Map.of("cursor", cursor);
      JsonNode page =
          json(list.handleRequest(as(alice, Events.listOrders(query)), new StubContext()));
      for (JsonNode order : page.path("orders")) {
        listed.add(order.path("id").asText());
        times.add(java.time.Instant.parse(order.path("createdAt").asText()));
      }
      sizes.add(page.path("orders").size());
      cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    JsonNode bobsList =
        json(list.handleRequest(as(aNewCaller(), Events.listOrders(Map.of())), new StubContext()));

    // Then: orders created in the same millisecond have no order among themselves
    assertThat(sizes).containsExactly(20, 20, 5);
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(bobsList.path("orders").size()).isZero();
    assertThat(bobsList.has("nextCursor")).isFalse();
  }

  @Test
  void list_withACursorOfAnotherCaller_orABadLimit_answers422() {
    // Given
    String alice = aNewCaller();
    create.handleRequest(as(alice, Events.createOrder(body("Ada", 1))), new StubContext());
    create.handleRequest(as(alice, Events.createOrder(body("Ada", 2))), new StubContext());
    String cursor =
        json(list.handleRequest(
                as(alice, Events.listOrders(Map.of("limit", "1"))), new StubContext()))
            .path("nextCursor")
            .asText();

    // When
    APIGatewayProxyResponseEvent bobUsesIt =
        list.handleRequest(
            as(aNewCaller(), Events.listOrders(Map.of("cursor", cursor))), new StubContext());
    APIGatewayProxyResponseEvent tooMany =
        list.handleRequest(as(alice, Events.listOrders(Map.of("limit", "51"))), new StubContext());

    // Then
    JsonNode refused = assertProblem(bobUsesIt, 422, "/api/orders");
    assertThat(refused.path("errors").findValuesAsText("field")).containsExactly("cursor");
    assertThat(refused.has("orders")).isFalse();
    assertThat(assertProblem(tooMany, 422, "/api/orders").path("errors").findValuesAsText("field"))
        .containsExactly("limit");
  }

  @Test
  void deleteOfUnknownOrder_answers404() {
    String id = UUID.randomUUID().toString();

    assertProblem(
        delete.handleRequest(Events.deleteOrder(id), new StubContext()), 404, "/api/orders/" + id);
  }

  @Test
  void readOfIdThatIsNotUuid_answers404() {
    String id = "x".repeat(3000);

    assertProblem(
        get.handleRequest(Events.getOrder(id), new StubContext()), 404, "/api/orders/" + id);
  }

  @Test
  void malformedAndInvalidBodies_answer400And422() {
    assertProblem(post("{not json"), 400, "/api/orders");
    JsonNode problem = assertProblem(post("{\"orderItemCount\": 2.5}"), 422, "/api/orders");
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactly("customerName", "orderItemCount");
  }

  @Test
  void wrongMethod_answers405() {
    APIGatewayProxyResponseEvent response =
        get.handleRequest(
            Events.getOrder(UUID.randomUUID().toString()).withHttpMethod("PUT"), new StubContext());

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(response.getHeaders().get("Allow").split(", "))
        .containsExactlyElementsOf(Route.methodsOf("/api/orders/{id}"));
  }

  @Test
  void repeatWithSameKey_returnsTheFirstOrder() {
    // Given
    String key = UUID.randomUUID().toString();
    String first = json(post(body("Grace", 2), key)).path("id").asText();

    // When
    APIGatewayProxyResponseEvent repeat = post(body("Grace", 2), key);

    // Then
    assertThat(repeat.getStatusCode()).isEqualTo(201);
    assertThat(json(repeat).path("id").asText()).isEqualTo(first);
  }

  @Test
  void sameKeyFromTwoSigners_isStoredApart() {
    // Given
    String key = UUID.randomUUID().toString();

    // When
    APIGatewayProxyResponseEvent ada = post(body("Ada", 3), key, "AROAEXAMPLEADA:s1");
    APIGatewayProxyResponseEvent bob = post(body("Bob", 1), key, "AROAEXAMPLEBOB:s1");
    APIGatewayProxyResponseEvent adaAgain = post(body("Ada", 3), key, "AROAEXAMPLEADA:s2");

    // Then: no conflict between the two, and each record under its caller's id
    assertThat(bob.getStatusCode()).isEqualTo(201);
    assertThat(json(bob).path("id")).isNotEqualTo(json(ada).path("id"));
    assertThat(json(adaAgain).path("id")).isEqualTo(json(ada).path("id"));
    assertThat(storedIdempotencyKeys())
        .contains("123456789012:AROAEXAMPLEADA " + key, "123456789012:AROAEXAMPLEBOB " + key)
        .doesNotContain(key);
  }

  private static List<String> storedIdempotencyKeys() {
    return DB.client().scan(b -> b.tableName(LocalDynamoDb.IDEMPOTENCY_TABLE)).items().stream()
        .map(item -> item.get(IdempotencyTable.PARTITION_KEY).s())
        .toList();
  }

  @Test
  void sameKeyWithOtherBody_answers409() {
    // Given
    String key = UUID.randomUUID().toString();
    post(body("Grace", 2), key);

    // When / Then
    assertProblem(post(body("Grace", 5), key), 409, "/api/orders");
  }

  @Test
  void concurrentDuplicates_allGetOneAndTheSameOrder() throws Exception {
    // Given separate function instances, as Lambda would run them, released at once
    String key = UUID.randomUUID().toString();
    String customer = "Dup " + key.substring(0, 8);
    int callers = 8;
    List<RouteHandler> instances = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      instances.add(
          HandlerFactory.create(Route.CREATE_ORDER, DB.handlerConfig(), FeatureFlags.allOff()));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayProxyResponseEvent>> responses = new ArrayList<>();

    // When
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      for (RouteHandler instance : instances) {
        Callable<APIGatewayProxyResponseEvent> call =
            () -> {
              start.await();
              return instance.handleRequest(
                  Events.withHeader(Events.createOrder(body(customer, 1)), "Idempotency-Key", key),
                  new StubContext());
            };
        responses.add(pool.submit(call));
      }
      start.countDown();
    }

    // Then every caller got 201 with the same id, and the table holds one such order
    List<String> ids = new ArrayList<>();
    for (Future<APIGatewayProxyResponseEvent> response : responses) {
      assertThat(response.get().getStatusCode()).isEqualTo(201);
      ids.add(json(response.get()).path("id").asText());
    }
    assertThat(ids).containsOnly(ids.get(0));
    int stored =
        DB.client()
            .scan(
                b ->
                    b.tableName(LocalDynamoDb.ORDERS_TABLE)
                        .filterExpression("customerName = :name")
                        .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(customer))))
            .count();
    assertThat(stored).isEqualTo(1);
  }

  @Test
  void campaignFlagOn_createdOrderGetsTenPercentOff() {
    // Given
    RouteHandler campaign =
        HandlerFactory.create(
            Route.CREATE_ORDER,
            DB.handlerConfig(),
            FeatureFlags.enabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN));

    // When
    APIGatewayProxyResponseEvent response =
        campaign.handleRequest(Events.createOrder(body("Ada", 1)), new StubContext());

    // Then
    assertThat(json(response).path("discountPercent").asInt()).isEqualTo(10);
  }
}
