package ${package}.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import ${package}.handlers.CreateOrderHandler;
import ${package}.handlers.DeleteOrderHandler;
import ${package}.handlers.GetOrderHandler;
import ${package}.handlers.HandlerConfig;
import ${package}.logic.FeatureFlags;
import ${package}.logic.StoredFeatureFlags;

/**
 * The orders API on {@code http://127.0.0.1:PORT} for {@code make local-api} and {@code make
 * e2e-local}: each HTTP request becomes the event API Gateway's REST proxy integration sends,
 * routed like the deployed API, and goes to the real handlers, with a local DynamoDB behind them.
 *
 * <p>Routes and the problem bodies of unknown routes (404) and wrong methods (405) mirror the API
 * Gateway set-up in infra's {@code ApiConstruct}. Each route keeps a pool of handler instances and
 * lends one to one request at a time, as Lambda gives each concurrent request its own execution
 * environment. Feature flags come from the repository's {@code
 * infra/src/main/resources/appconfig/feature-flags.json}, read on every request, so editing the
 * file changes behaviour at once.
 *
 * <p>Environment: {@code PORT} (default 3000; 0 picks a free port). Stops on Ctrl-C or SIGTERM, and
 * when the process that started it ends, taking the local DynamoDB with it.
 */
public final class LocalApiServer implements AutoCloseable {

  /** Printed, followed by the base URL, once the server answers requests. */
  public static final String READY_MESSAGE = "Orders API listening on ";

  /** The largest body API Gateway accepts (10 MB); larger ones get its 413 problem. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String FLAGS_FILE = "infra/src/main/resources/appconfig/feature-flags.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalDynamoDb dynamoDb;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<LocalRoute> routes;

  private LocalApiServer(LocalDynamoDb dynamoDb, int port, List<LocalRoute> routes)
      throws IOException {
    this.dynamoDb = dynamoDb;
    this.routes = List.copyOf(routes);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    // A bounded pool, like a function's reserved concurrency: enough for concurrent duplicates.
    this.executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a local DynamoDB and the API on the given port (0 for any free one), with the
   * repository's feature flags file. The SDK system properties of this JVM point at the local
   * DynamoDB until {@link #close()}.
   */
  public static LocalApiServer start(int port) throws IOException {
    // No cache and no back-off: a change to the file shows on the next request.
    FeatureFlags flags =
        new StoredFeatureFlags(
            new FileFeatureFlagStore(LocalDynamoDb.repositoryRoot().resolve(FLAGS_FILE)),
            Clock.systemUTC(),
            Duration.ZERO);
    return start(port, db -> serviceRoutes(db.handlerConfig(), flags));
  }

  /** Starts a local DynamoDB and an API with the given routes, built once DynamoDB is up. */
  static LocalApiServer start(int port, Function<LocalDynamoDb, List<LocalRoute>> routes)
      throws IOException {
    LocalDynamoDb dynamoDb = LocalDynamoDb.start().applySdkSystemProperties();
    try {
      return new LocalApiServer(dynamoDb, port, routes.apply(dynamoDb));
    } catch (IOException | RuntimeException e) {
      dynamoDb.close();
      throw e;
    }
  }

  /** The routes of the deployed API (infra's ApiConstruct), each to its real handler. */
  static List<LocalRoute> serviceRoutes(HandlerConfig config, FeatureFlags flags) {
    return List.of(
        new LocalRoute(
            "POST", "/api/orders", "CreateOrder", () -> new CreateOrderHandler(config, flags)),
        new LocalRoute("GET", "/api/orders/{id}", "GetOrder", () -> new GetOrderHandler(config)),
        new LocalRoute(
            "DELETE", "/api/orders/{id}", "DeleteOrder", () -> new DeleteOrderHandler(config)));
  }

  /** The local DynamoDB behind the API. */
  public LocalDynamoDb dynamoDb() {
    return dynamoDb;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:3000}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Stops accepting requests, lets running ones finish briefly, then stops the local DynamoDB. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
    dynamoDb.close();
  }

  /** Runs the server until the process is stopped. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(Optional.ofNullable(System.getenv("PORT")).orElse("3000"));
    long started = System.nanoTime();
    LocalApiServer api;
    try {
      api = start(port);
    } catch (BindException e) {
      System.err.println("Port " + port + " is in use: stop what uses it or set PORT=<free port>");
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the local API and its DynamoDB");
                  api.close();
                  stopped.countDown();
                },
                "local-api-stop"));
    System.out.printf(
        "%s%s (local DynamoDB at %s, ready in %d ms). Ctrl-C stops it.%n",
        READY_MESSAGE,
        api.baseUrl(),
        api.dynamoDb().endpoint(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    System.out.flush();
    // Stop with the process that started the server (make, a script) even when a signal reached
    // only that process: no server is left behind holding its port.
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    stopped.await();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        sendProblem(
            exchange,
            413,
            "Content Too Large",
            "The request body is larger than the API accepts",
            requestId);
        return;
      }
      List<LocalRoute> pathMatches = new ArrayList<>();
      for (LocalRoute route : routes) {
        Map<String, String> parameters = route.match(rawPath);
        if (parameters != null) {
          if (route.method().equals(method)) {
            invoke(exchange, route, parameters, body, requestId);
            return;
          }
          pathMatches.add(route);
        }
      }
      if (pathMatches.isEmpty()) {
        sendProblem(exchange, 404, "Not Found", "No route matches this method and path", requestId);
        return;
      }
      String allowed = String.join(", ", pathMatches.stream().map(LocalRoute::method).toList());
      exchange.getResponseHeaders().set("Allow", allowed);
      sendProblem(
          exchange, 405, "Method Not Allowed", "This resource allows " + allowed, requestId);
    }
  }

  // A failing function, init errors included, is a 502 from API Gateway, not a dropped connection.
  @SuppressWarnings("checkstyle:IllegalCatch")
  private void invoke(
      HttpExchange exchange,
      LocalRoute route,
      Map<String, String> pathParameters,
      byte[] body,
      String requestId)
      throws IOException {
    String text = body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    APIGatewayProxyRequestEvent event =
        ProxyEvents.from(exchange, route.template(), pathParameters, text, requestId);
    APIGatewayProxyResponseEvent response;
    try {
      response = route.invoke(event);
    } catch (RuntimeException | Error e) {
      // API Gateway answers a failed invocation through its DEFAULT_5XX response.
      System.err.println("The " + route.functionName() + " handler failed: " + e);
      e.printStackTrace();
      sendProblem(exchange, 502, "Gateway Error", "Internal server error", requestId);
      return;
    }
    if (response == null || response.getStatusCode() == null) {
      sendProblem(exchange, 502, "Gateway Error", "Internal server error", requestId);
      return;
    }
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    }
    if (response.getMultiValueHeaders() != null) {
      response
          .getMultiValueHeaders()
          .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    }
    exchange.getResponseHeaders().set("X-Amzn-RequestId", requestId);
    byte[] bytes = responseBody(response);
    send(exchange, response.getStatusCode(), bytes);
  }

  private static byte[] responseBody(APIGatewayProxyResponseEvent response) {
    if (response.getBody() == null) {
      return new byte[0];
    }
    return Boolean.TRUE.equals(response.getIsBase64Encoded())
        ? Base64.getDecoder().decode(response.getBody())
        : response.getBody().getBytes(StandardCharsets.UTF_8);
  }

  /** The body, or null when it is larger than API Gateway accepts. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  /** Sends the same problem document as the gateway responses of infra's ApiConstruct. */
  private static void sendProblem(
      HttpExchange exchange, int status, String title, String detail, String requestId)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    // API Gateway's DEFAULT_5XX response leaves the status to the status line.
    if (status != 502) {
      problem.put("status", status);
    }
    problem.put("detail", detail);
    problem.put("instance", ProxyEvents.decode(exchange.getRequestURI().getRawPath()));
    problem.put("requestId", requestId);
    exchange.getResponseHeaders().set("Content-Type", PROBLEM_JSON);
    exchange.getResponseHeaders().set("X-Amzn-RequestId", requestId);
    send(exchange, status, JSON.writeValueAsBytes(problem));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
