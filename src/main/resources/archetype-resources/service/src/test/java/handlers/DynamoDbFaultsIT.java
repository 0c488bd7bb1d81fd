package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import static ${package}.handlers.ProblemAssert.assertProblem;
import static ${package}.handlers.ProblemAssert.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.lambda.powertools.metrics.Metrics;

import ${package}.dal.DynamoDbIdempotencyRepository;
import ${package}.dal.DynamoDbOrderRepository;
import ${package}.dal.FaultProxy;
import ${package}.dal.FaultProxy.Action;
import ${package}.dal.IdempotencyRecord;
import ${package}.dal.LocalDynamoDb;
import ${package}.dal.OrdersTable;
import ${package}.logic.FeatureFlags;
import ${package}.logic.IdempotencyPolicy;
import ${package}.logic.OrderServiceFixtures;
import ${package}.models.IdempotencyKey;

/**
 * The handlers with their real wiring when DynamoDB stalls, refuses, resets, slows down or
 * throttles: a {@link FaultProxy} sits between them and a local DynamoDB. A failing dependency must
 * give a 503 with Retry-After well before the function times out, and a create whose answer was
 * lost must be safe to retry. Prints the fault table (fault, status, elapsed) at the end.
 *
 * <p>Most of the time here is spent waiting for timeouts, so the tests run at the same time, each
 * with its own proxy and handlers (the failsafe configuration in service/pom.xml).
 */
@Execution(ExecutionMode.CONCURRENT)
class DynamoDbFaultsIT {

  @RegisterExtension static final LocalDynamoDb DB = new LocalDynamoDb();

  /**
   * The bound the tests hold a failing request to: one DynamoDB call timeout, as documented, plus
   * room for a loaded build machine; still far below the function timeout.
   */
  private static final Duration BOUND = TimeBudget.DYNAMODB_CALL_TIMEOUT.plusSeconds(2);

  private static final String ORDERS_PATH = "/api/orders";
  private static final String ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
  private static final List<String> FAULT_TABLE = new CopyOnWriteArrayList<>();

  private FaultProxy proxy;
  private RouteHandler create;

  @BeforeAll
  static void warmUp() {
    // LocalDynamoDb restores the properties when it stops.
    DB.applySdkSystemProperties();
    // One healthy create first: the first fault is then timed like the others, without the
    // one-off class loading of the SDK's request path.
    RouteHandler handler =
        HandlerFactory.create(Route.CREATE_ORDER, DB.handlerConfig(), FeatureFlags.allOff());
    String key = UUID.randomUUID().toString();
    assertThat(post(handler, customer(key), key).getStatusCode()).isEqualTo(201);
  }

  @AfterAll
  static void printTheFaultTable() {
    System.out.println("| fault | status | elapsed |\n| --- | --- | --- |");
    FAULT_TABLE.forEach(System.out::println);
  }

  @BeforeEach
  void putAProxyInBetween() {
    proxy = FaultProxy.start(DB.endpoint());
    create =
        throughProxy(
            proxy.endpoint().toString(),
            () ->
                HandlerFactory.create(
                    Route.CREATE_ORDER, DB.handlerConfig(), FeatureFlags.allOff()));
  }

  @AfterEach
  void closeTheProxy() {
    proxy.close();
  }

  @Test
  void stalledDynamoDb_answers503WithinTheBound() {
    // Given
    proxy.always(Action.STALL);

    // When / Then
    assertUnavailable("stalled (never answers)", () -> post(UUID.randomUUID().toString()));
  }

  @Test
  void stalledDynamoDb_readsAndDeletesAnswer503Too() {
    // Given
    proxy.always(Action.STALL);
    String id = UUID.randomUUID().toString();
    RouteHandler get =
        throughProxy(() -> HandlerFactory.create(Route.GET_ORDER, DB.handlerConfig()));
    RouteHandler delete =
        throughProxy(() -> HandlerFactory.create(Route.DELETE_ORDER, DB.handlerConfig()));

    // When / Then
    assertUnavailable(
        "stalled, GET",
        () -> get.handleRequest(Events.getOrder(id), new StubContext()),
        ORDERS_PATH + "/" + id);
    assertUnavailable(
        "stalled, DELETE",
        () -> delete.handleRequest(Events.deleteOrder(id), new StubContext()),
        ORDERS_PATH + "/" + id);
  }

  @Test
  void resetConnections_answer503WithinTheBound() {
    // Given
    proxy.always(Action.RESET);

    // When / Then
    assertUnavailable("connection reset", () -> post(UUID.randomUUID().toString()));
  }

  @Test
  void refusedConnections_answer503WithinTheBound() {
    // Given a function whose DynamoDB endpoint has nothing listening
    RouteHandler refused =
        throughProxy(
            "http://127.0.0.1:" + closedPort(),
            () ->
                HandlerFactory.create(
                    Route.CREATE_ORDER, DB.handlerConfig(), FeatureFlags.allOff()));

    // When / Then
    assertUnavailable(
        "connection refused",
        () -> refused.handleRequest(Events.createOrder(body("Refused")), new StubContext()));
  }

  @Test
  void throttlingAnswers_give503WithinTheBound() {
    // Given
    proxy.always(Action.THROTTLE);

    // When / Then
    assertUnavailable(
        "throttled (ProvisionedThroughputExceededException)",
        () -> post(UUID.randomUUID().toString()));
  }

  @Test
  void latencyBelowTheAttemptTimeout_stillCreates() {
    // Given each answer 300 ms late: slow, but within every attempt's time
    proxy.latency(Duration.ofMillis(300));

    // When
    Timed timed = Timed.run(() -> post(UUID.randomUUID().toString()));

    // Then
    assertThat(timed.response().getStatusCode()).isEqualTo(201);
    record("answers 300 ms late", timed);
  }

  @Test
  void latencyBeyondTheAttemptTimeout_answers503WithinTheBound() {
    // Given each answer later than an attempt may take
    proxy.latency(TimeBudget.DYNAMODB_ATTEMPT_TIMEOUT.plusMillis(500));

    // When / Then
    assertUnavailable("answers 1.5 s late", () -> post(UUID.randomUUID().toString()));
  }

  @Test
  void keyedCreate_makesTheDynamoDbCallsTheTimeBudgetCounts() {
    // When
    APIGatewayProxyResponseEvent response = post(UUID.randomUUID().toString());

    // Then
    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(proxy.requests()).hasSize(TimeBudget.CREATE_DYNAMODB_CALLS);
  }

  @Test
  void lostAnswerOfAWrittenOrder_retryWithTheSameKeyReturnsTheSameSingleOrder() {
    // Given DynamoDB writes the order, but its answer never comes back
    RouteHandler handler = withLock(Duration.ofMillis(500), Duration.ofSeconds(2));
    String key = UUID.randomUUID().toString();
    String customer = customer(key);
    proxy.rule(
        request ->
            request.is("PutItem", LocalDynamoDb.ORDERS_TABLE)
                ? Action.LOSE_ANSWER
                : Action.FORWARD);
    Timed first = Timed.run(() -> post(handler, customer, key));
    assertProblem(first.response(), 503, ORDERS_PATH);
    assertThat(ordersOf(customer)).as("the order was written").hasSize(1);
    record("answer of the order write lost", first);

    // When the client retries with the same key, past the lock of the first attempt
    proxy.heal();
    Timed retry = Timed.run(() -> post(handler, customer, key));

    // Then it gets the order planned first, stored once
    assertThat(retry.response().getStatusCode()).isEqualTo(201);
    record("retry of that create, same key", retry);
    String id = json(retry.response()).path("id").asText();
    assertThat(id).isEqualTo(plannedOrderId(key));
    assertThat(ordersOf(customer)).containsExactly(id);
  }

  @Test
  void lostAnswerOfTheClaim_theSdkRetryFindsItAndTheCreateCompletes() {
    // Given DynamoDB stores the claim of the key, but its first answer never comes back
    String key = UUID.randomUUID().toString();
    String customer = customer(key);
    AtomicBoolean lost = new AtomicBoolean();
    proxy.rule(
        request ->
            request.is("PutItem", LocalDynamoDb.IDEMPOTENCY_TABLE) && !lost.getAndSet(true)
                ? Action.LOSE_ANSWER
                : Action.FORWARD);

    // When
    Timed claimed = Timed.run(() -> post(create, customer, key));

    // Then the SDK's retry of the claim finds this request's own record: one order, at once
    assertThat(claimed.response().getStatusCode()).isEqualTo(201);
    record("answer of the key's claim lost", claimed);
    assertThat(claimed.elapsed()).isLessThan(TimeBudget.DYNAMODB_CALL_TIMEOUT.multipliedBy(3));
    assertThat(ordersOf(customer)).containsExactly(json(claimed.response()).path("id").asText());
  }

  @Test
  void keyWhoseFirstAttemptDied_canBeUsedAgainAfterTheLockExpires() throws InterruptedException {
    // Given a first attempt that claimed the key, then found DynamoDB stalled
    RouteHandler handler = withLock(Duration.ofSeconds(6), Duration.ofMillis(200));
    String key = UUID.randomUUID().toString();
    String customer = customer(key);
    proxy.rule(
        request ->
            request.is("PutItem", LocalDynamoDb.IDEMPOTENCY_TABLE) ? Action.FORWARD : Action.STALL);
    Timed first = Timed.run(() -> post(handler, customer, key));
    assertProblem(first.response(), 503, ORDERS_PATH);
    record("stalled after the key was claimed", first);
    proxy.heal();

    // When the client retries while the dead attempt still holds the key, then after the
    // Retry-After it was given
    Timed early = Timed.run(() -> post(handler, customer, key));
    long retryAfter = Long.parseLong(early.response().getHeaders().get("Retry-After"));
    Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
    assertThat(Instant.now()).as("Retry-After outlasts the lock").isAfter(lockedUntil(key));
    Timed late = Timed.run(() -> post(handler, customer, key));

    // Then the early retry is told when the lock ends, and the late one completes the planned
    // order once
    assertProblem(early.response(), 409, ORDERS_PATH);
    record("retry within that attempt's lock (200 ms wait)", early);
    assertThat(late.response().getStatusCode()).isEqualTo(201);
    record("retry after the lock", late);
    String id = json(late.response()).path("id").asText();
    assertThat(id).isEqualTo(plannedOrderId(key));
    assertThat(ordersOf(customer)).containsExactly(id);
  }

  private static void assertUnavailable(String fault, Supplier<APIGatewayProxyResponseEvent> call) {
    assertUnavailable(fault, call, ORDERS_PATH);
  }

  private static void assertUnavailable(
      String fault, Supplier<APIGatewayProxyResponseEvent> call, String path) {
    Timed timed = Timed.run(call);
    assertProblem(timed.response(), 503, path);
    assertThat(timed.elapsed()).as(fault).isLessThanOrEqualTo(BOUND);
    record(fault, timed);
  }

  private static void record(String fault, Timed timed) {
    FAULT_TABLE.add(
        "| "
            + fault
            + " | "
            + timed.response().getStatusCode()
            + " | "
            + timed.elapsed().toMillis()
            + " ms |");
  }

  private APIGatewayProxyResponseEvent post(String key) {
    return post(create, customer(key), key);
  }

  private static APIGatewayProxyResponseEvent post(
      RouteHandler handler, String customer, String key) {
    APIGatewayProxyRequestEvent event =
        Events.withHeader(Events.createOrder(body(customer)), "Idempotency-Key", key);
    return handler.handleRequest(event, new StubContext());
  }

  private static String body(String customer) {
    return "{\"customerName\": \"" + customer + "\", \"orderItemCount\": 1}";
  }

  private static String customer(String key) {
    return "Fault " + key.substring(0, 8);
  }

  /** A create handler through the proxy whose idempotent creates use this lock and wait. */
  private RouteHandler withLock(Duration lock, Duration maxWait) {
    DynamoDbClient dynamoDb = throughProxy(HandlerFactory::dynamoDbClient);
    IdempotencyPolicy policy =
        new IdempotencyPolicy(Duration.ofHours(1), lock, maxWait, Duration.ofMillis(50));
    return HandlerFactory.instantiate(
        Route.CREATE_ORDER,
        new Dependencies(
            OrderServiceFixtures.withPolicy(
                new DynamoDbOrderRepository(dynamoDb, LocalDynamoDb.ORDERS_TABLE),
                new DynamoDbIdempotencyRepository(dynamoDb, LocalDynamoDb.IDEMPOTENCY_TABLE),
                policy),
            FeatureFlags.allOff(),
            mock(Metrics.class)));
  }

  /** Ids of the stored orders of this customer, read directly from the local DynamoDB. */
  private static List<String> ordersOf(String customer) {
    return DB
        .client()
        .scan(
            b ->
                b.tableName(LocalDynamoDb.ORDERS_TABLE)
                    .filterExpression("customerName = :name")
                    .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(customer))))
        .items()
        .stream()
        .map(item -> item.get(OrdersTable.PARTITION_KEY).s())
        .toList();
  }

  /**
   * The key's record, read directly from the local DynamoDB: stored under the key scoped to the
   * caller that signed the stored create event.
   */
  private static IdempotencyRecord idempotencyRecord(String key) {
    IdempotencyKey scoped = new IdempotencyKey(key, ApiRequests.caller(Events.createOrder("{}")));
    return new DynamoDbIdempotencyRepository(DB.client(), LocalDynamoDb.IDEMPOTENCY_TABLE)
        .find(scoped.scoped())
        .orElseThrow();
  }

  private static String plannedOrderId(String key) {
    return idempotencyRecord(key).order().id();
  }

  private static Instant lockedUntil(String key) {
    return idempotencyRecord(key).lockedUntil();
  }

  /** Builds with the SDK clients of the handlers pointed at this test's proxy. */
  private <T> T throughProxy(Supplier<T> build) {
    return throughProxy(proxy.endpoint().toString(), build);
  }

  /**
   * Builds with the SDK clients of the handlers pointed at {@code endpoint}: a client reads the
   * endpoint property once, when it is built, and the tests of this class build theirs at the same
   * time.
   */
  private static synchronized <T> T throughProxy(String endpoint, Supplier<T> build) {
    String local = System.getProperty(ENDPOINT_PROPERTY);
    System.setProperty(ENDPOINT_PROPERTY, endpoint);
    try {
      return build.get();
    } finally {
      System.setProperty(ENDPOINT_PROPERTY, local);
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response and how long it took. */
  private record Timed(APIGatewayProxyResponseEvent response, Duration elapsed) {

    static Timed run(Supplier<APIGatewayProxyResponseEvent> call) {
      long start = System.nanoTime();
      APIGatewayProxyResponseEvent response = call.get();
      return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
