package ${package}.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (the {@code 2018-06-01} HTTP interface a runtime client polls) on a
 * loopback port, serving one function process at a time with a fixed event, plus a stand-in for the
 * AppConfig data API that serves one feature-flag document.
 *
 * <p>Each {@link Session} hands out its event a given number of times and records when each
 * invocation was handed out and answered; after that, {@code next} holds the runtime client until
 * the session ends, just as Lambda freezes an idle function.
 */
final class LocalRuntimeApi implements AutoCloseable {

  private static final String RUNTIME = "/2018-06-01/runtime";
  private static final String NEXT = RUNTIME + "/invocation/next";
  private static final String INIT_ERROR = RUNTIME + "/init/error";
  private static final String INVOCATION = RUNTIME + "/invocation/";
  private static final String REQUEST_ID_PREFIX = "cold-start-";
  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration IDLE_LIMIT = Duration.ofMinutes(10);

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] featureFlags;
  private volatile Session session;

  private LocalRuntimeApi(HttpServer server, ExecutorService executor, byte[] featureFlags) {
    this.server = server;
    this.executor = executor;
    this.featureFlags = featureFlags;
  }

  /** Starts the server on a free loopback port; AppConfig requests get {@code featureFlags}. */
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
  Session open(String event, int invocations) {
    Session opened = new Session(event.getBytes(StandardCharsets.UTF_8), invocations);
    session = opened;
    return opened;
  }

  @Override
  public void close() {
    Session current = session;
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
      Session current = session;
      if ("POST".equals(method) && "/configurationsessions".equals(path)) {
        send(
            exchange,
            201,
            Map.of(),
            "{\"InitialConfigurationToken\":\"local-token\"}".getBytes(StandardCharsets.UTF_8));
      } else if ("GET".equals(method) && "/configuration".equals(path)) {
        send(
            exchange,
            200,
            Map.of(
                "Next-Poll-Configuration-Token",
                "local-token",
                "Next-Poll-Interval-In-Seconds",
                "60"),
            featureFlags);
      } else if (current == null) {
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
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
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

  /** The invocations of one function process: the event handed out, the times, the answers. */
  static final class Session {

    private final byte[] event;
    private final long[] handedOutNanos;
    private final long[] answeredNanos;
    private final String[] responses;
    private final CountDownLatch answered;
    private final CountDownLatch ended = new CountDownLatch(1);
    private int handedOut;
    private volatile String failure;

    private Session(byte[] event, int invocations) {
      this.event = event.clone();
      this.handedOutNanos = new long[invocations];
      this.answeredNanos = new long[invocations];
      this.responses = new String[invocations];
      this.answered = new CountDownLatch(invocations);
    }

    /**
     * Waits until every invocation was answered or an error was reported.
     *
     * @return false when {@code timeout} passed first
     * @throws IllegalStateException when the function reported an init or invocation error
     */
    boolean await(Duration timeout) throws InterruptedException {
      boolean done = answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return done;
    }

    /** {@link System#nanoTime()} when invocation {@code i} was handed to the runtime client. */
    synchronized long handedOutNanos(int i) {
      return handedOutNanos[i];
    }

    /** {@link System#nanoTime()} when the response to invocation {@code i} arrived. */
    synchronized long answeredNanos(int i) {
      return answeredNanos[i];
    }

    /** The function's response to invocation {@code i}: the API Gateway response as JSON. */
    synchronized String response(int i) {
      return responses[i];
    }

    /** Releases a held {@code next}: the function process is about to be stopped. */
    void close() {
      ended.countDown();
    }

    private void next(HttpExchange exchange) throws IOException {
      int i;
      synchronized (this) {
        i = handedOut < responses.length ? handedOut++ : -1;
        if (i >= 0) {
          handedOutNanos[i] = System.nanoTime();
        }
      }
      if (i < 0) {
        try {
          ended.await(IDLE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        send(exchange, 500, Map.of(), new byte[0]);
        return;
      }
      long deadline = System.currentTimeMillis() + FUNCTION_TIMEOUT.toMillis();
      send(
          exchange,
          200,
          Map.of(
              "Lambda-Runtime-Aws-Request-Id",
              REQUEST_ID_PREFIX + i,
              "Lambda-Runtime-Deadline-Ms",
              Long.toString(deadline),
              "Lambda-Runtime-Invoked-Function-Arn",
              "arn:aws:lambda:us-east-1:123456789012:function:cold-start",
              "Lambda-Runtime-Trace-Id",
              "Root=1-6745c3a1-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=0"),
          event);
    }

    private void answer(String requestId, String kind, byte[] body) {
      String text = new String(body, StandardCharsets.UTF_8);
      if (!"response".equals(kind)) {
        fail("invocation " + requestId + " failed: " + text);
        return;
      }
      synchronized (this) {
        int i = Integer.parseInt(requestId.substring(REQUEST_ID_PREFIX.length()));
        answeredNanos[i] = System.nanoTime();
        responses[i] = text;
      }
      answered.countDown();
    }

    private void fail(String message) {
      failure = message;
      while (answered.getCount() > 0) {
        answered.countDown();
      }
    }
  }
}
