package ${package}.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import ${package}.dal.LocalDynamoDb;
import ${package}.handlers.GatewayProblem;
import ${package}.handlers.HandlerConfig;
import ${package}.handlers.HandlerFactory;
import ${package}.handlers.Route;
import ${package}.logic.FeatureFlags;
import ${package}.logic.StoredFeatureFlags;

/**
 * The orders API on {@code http://127.0.0.1:PORT} for {@code make local-api} and {@code make
 * e2e-local}: each HTTP request becomes the event API Gateway's REST proxy integration sends,
 * routed like the deployed API, and goes to the real handlers, with a local DynamoDB behind them.
 *
 * <p>It serves every route of the {@link Route} table, like the deployed API; unknown routes (404),
 * wrong methods (405), bodies over 10 MB (413) and failing functions (502) get the {@link
 * GatewayProblem} the deployed API Gateway answers with. Each route keeps a pool of handler
 * instances and lends one to one request at a time, as Lambda gives each concurrent request its own
 * execution environment. Feature flags come from the repository's {@code
 * infra/src/main/resources/appconfig/feature-flags.json}, read on every request, so editing the
 * file changes behaviour at once. It checks no AWS Signature Version 4, whatever {@code api.auth}
 * says ({@link LocalTools#NO_SIGNATURE_CHECK}): a request reaches the handlers as an unsigned one,
 * or as signed by the IAM principal its {@value LocalCaller#HEADER} header names ({@link
 * LocalCaller}), a header that exists only here.
 *
 * <p>{@link LocalTools} runs it until stopped.
 */
// Like API Gateway's console logging: a failing handler's stack trace goes to the terminal.
@SuppressWarnings({"PMD.SystemPrintln", "PMD.AvoidPrintStackTrace"})
public final class LocalApiServer implements AutoCloseable {

  /** Printed, followed by the base URL, once the server answers requests. */
  public static final String READY_MESSAGE = "Orders API listening on ";

  /** The largest body API Gateway accepts (10 MB); larger ones get its 413 problem. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final String FLAGS_FILE = "infra/src/main/resources/appconfig/feature-flags.json";

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

  /** Every route of the table, each to its real handler. */
  static List<LocalRoute> serviceRoutes(HandlerConfig config, FeatureFlags flags) {
    return Arrays.stream(Route.values())
        .map(
            route ->
                new LocalRoute(
                    route.method(),
                    route.path(),
                    route.functionName(),
                    () -> HandlerFactory.create(route, config, flags)))
        .toList();
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

  private void handle(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      String rawPath = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      byte[] body = HttpAnswers.readBody(exchange.getRequestBody(), MAX_BODY_BYTES);
      if (body == null) {
        HttpAnswers.sendProblem(exchange, GatewayProblem.CONTENT_TOO_LARGE, requestId);
        return;
      }
      String named = exchange.getRequestHeaders().getFirst(LocalCaller.HEADER);
      Optional<LocalCaller> caller = named == null ? Optional.empty() : LocalCaller.fromArn(named);
      if (named != null && caller.isEmpty()) {
        HttpAnswers.sendProblem(exchange, GatewayProblem.FORBIDDEN, requestId, LocalCaller.INVALID);
        return;
      }
      List<LocalRoute> pathMatches = LocalRoute.mostSpecific(routes, rawPath);
      for (LocalRoute route : pathMatches) {
        if (route.method().equals(method)) {
          invoke(exchange, route, route.match(rawPath), caller, body, requestId);
          return;
        }
      }
      if (pathMatches.isEmpty()) {
        HttpAnswers.sendProblem(exchange, GatewayProblem.NO_ROUTE, requestId);
        return;
      }
      String allowed = String.join(", ", pathMatches.stream().map(LocalRoute::method).toList());
      exchange.getResponseHeaders().set("Allow", allowed);
      HttpAnswers.sendProblem(exchange, GatewayProblem.METHOD_NOT_ALLOWED, requestId);
    }
  }

  // A failing function, init errors included, is a 502 from API Gateway, not a dropped connection.
  @SuppressWarnings("checkstyle:IllegalCatch")
  private void invoke(
      HttpExchange exchange,
      LocalRoute route,
      Map<String, String> pathParameters,
      Optional<LocalCaller> caller,
      byte[] body,
      String requestId)
      throws IOException {
    String text = body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    APIGatewayProxyRequestEvent event =
        ProxyEvents.from(exchange, route.template(), pathParameters, caller, text, requestId);
    APIGatewayProxyResponseEvent response;
    try {
      response = route.invoke(event);
    } catch (RuntimeException | Error e) {
      // API Gateway answers a failed invocation through its DEFAULT_5XX gateway response.
      System.err.println("The " + route.functionName() + " handler failed: " + e);
      e.printStackTrace();
      HttpAnswers.sendProblem(exchange, GatewayProblem.FUNCTION_FAILED, requestId);
      return;
    }
    if (response == null || response.getStatusCode() == null) {
      HttpAnswers.sendProblem(exchange, GatewayProblem.FUNCTION_FAILED, requestId);
      return;
    }
    HttpAnswers.send(exchange, response, requestId);
  }
}
