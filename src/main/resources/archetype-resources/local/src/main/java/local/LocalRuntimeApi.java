package ${package}.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ${package}.handlers.TimeBudget;

/**
 * The Lambda Runtime API (the {@code 2018-06-01} HTTP interface a runtime client polls) on a
 * loopback port, serving one function process at a time with a fixed event, plus a stand-in for the
 * AppConfig data API that serves one feature-flag document.
 *
 * <p>Each {@link RuntimeSession} hands out its event a given number of times and records when each
 * invocation was handed out and answered; after that, {@code next} holds the runtime client until
 * the session ends, just as Lambda freezes an idle function.
 */
final class LocalRuntimeApi implements AutoCloseable {

  private static final String RUNTIME = "/2018-06-01/runtime";
  private static final String NEXT = RUNTIME + "/invocation/next";
  private static final String INIT_ERROR = RUNTIME + "/init/error";
  private static final String INVOCATION = RUNTIME + "/invocation/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] featureFlags;
  private volatile RuntimeSession session;

  private LocalRuntimeApi(HttpServer server, ExecutorService executor, byte[] featureFlags) {
    this.server = server;
    this.executor = executor;
    this.featureFlags = featureFlags;
  }

  /** Starts the server on a free loopback port; AppConfig requests get {@code featureFlags}. */
  @SuppressWarnings("PMD.CloseResource") // closed with the server, in close()
  static LocalRuntimeApi start(String featureFlags) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    // A held `next` blocks its thread for the rest of a session: threads must be cheap.
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    LocalRuntimeApi api =
        new LocalRuntimeApi(server, executor, featureFlags.getBytes(StandardCharsets.UTF_8));
    server.setExecutor(executor);
    server.createContext("/", api::handle);
    server.start();
    return api;
  }

  /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The endpoint to give the AppConfig data client. */
  URI appConfigEndpoint() {
    return URI.create("http://" + address());
  }

  /** Starts serving {@code event} {@code invocations} times to the next function process. */
  RuntimeSession open(String event, int invocations) {
    RuntimeSession opened =
        new RuntimeSession(
            event.getBytes(StandardCharsets.UTF_8), invocations, TimeBudget.FUNCTION_TIMEOUT);
    session = opened;
    return opened;
  }

  @Override
  public void close() {
    RuntimeSession current = session;
    if (current != null) {
      current.close();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!answerAppConfig(exchange, method, path)) {
        answerRuntime(exchange, method, path, body);
      }
    }
  }

  /** The AppConfig data API's two calls; false when the request is not one of them. */
  private boolean answerAppConfig(HttpExchange exchange, String method, String path)
      throws IOException {
    if ("POST".equals(method) && "/configurationsessions".equals(path)) {
      send(
          exchange,
          201,
          Map.of(),
          "{\"InitialConfigurationToken\":\"local-token\"}".getBytes(StandardCharsets.UTF_8));
      return true;
    }
    if ("GET".equals(method) && "/configuration".equals(path)) {
      send(
          exchange,
          200,
          Map.of(
              "Next-Poll-Configuration-Token",
              "local-token",
              "Next-Poll-Interval-In-Seconds",
              "60"),
          featureFlags);
      return true;
    }
    return false;
  }

  private void answerRuntime(HttpExchange exchange, String method, String path, byte[] body)
      throws IOException {
    RuntimeSession current = session;
    if (current == null) {
      send(exchange, 500, Map.of(), new byte[0]);
    } else if ("GET".equals(method) && NEXT.equals(path)) {
      current.next(exchange);
    } else if ("POST".equals(method) && INIT_ERROR.equals(path)) {
      current.fail("init error: " + new String(body, StandardCharsets.UTF_8));
      send(exchange, 202, Map.of(), new byte[0]);
    } else if ("POST".equals(method) && path.startsWith(INVOCATION)) {
      String[] idAndKind = path.substring(INVOCATION.length()).split("/", 2);
      current.answer(idAndKind[0], idAndKind.length > 1 ? idAndKind[1] : "", body);
      send(exchange, 202, Map.of(), new byte[0]);
    } else {
      send(exchange, 404, Map.of(), new byte[0]);
    }
  }

  static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
