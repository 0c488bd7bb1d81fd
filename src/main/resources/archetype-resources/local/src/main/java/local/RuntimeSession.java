package ${package}.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The invocations of one function process: the event handed out, the times, the answers. */
final class RuntimeSession {

  private static final String REQUEST_ID_PREFIX = "cold-start-";
  private static final Duration IDLE_LIMIT = Duration.ofMinutes(10);

  private final byte[] event;
  private final Duration functionTimeout;
  private final long[] handedOutNanos;
  private final long[] answeredNanos;
  private final String[] responses;
  private final CountDownLatch answered;
  private final CountDownLatch ended = new CountDownLatch(1);
  private int handedOut;
  private volatile String failure;

  RuntimeSession(byte[] event, int invocations, Duration functionTimeout) {
    this.event = event.clone();
    this.functionTimeout = functionTimeout;
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

  /** How many invocations the session hands out. */
  int invocations() {
    return responses.length;
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

  void next(HttpExchange exchange) throws IOException {
    int i;
    synchronized (this) {
      if (handedOut < responses.length) {
        i = handedOut;
        handedOut++;
        handedOutNanos[i] = System.nanoTime();
      } else {
        i = -1;
      }
    }
    if (i < 0) {
      try {
        ended.await(IDLE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LocalRuntimeApi.send(exchange, 500, Map.of(), new byte[0]);
      return;
    }
    long deadline = System.currentTimeMillis() + functionTimeout.toMillis();
    LocalRuntimeApi.send(
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

  void answer(String requestId, String kind, byte[] body) {
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

  void fail(String message) {
    failure = message;
    while (answered.getCount() > 0) {
      answered.countDown();
    }
  }
}
