package ${package}.logic;

import java.time.Duration;
import java.util.Optional;

/** An idempotency key that cannot be honoured: reused with another body, or still in progress. */
public final class IdempotencyConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** When a retry may succeed; null when it cannot (the key was used with another body). */
  private final Duration retryAfter;

  private IdempotencyConflictException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** The key was used with another request body: no retry can succeed. */
  public static IdempotencyConflictException differentBody() {
    return new IdempotencyConflictException(
        "The Idempotency-Key was already used with a different request body", null);
  }

  /** Another attempt holds the key; it is free to finish or take over after {@code retryAfter}. */
  public static IdempotencyConflictException inProgress(Duration retryAfter) {
    return new IdempotencyConflictException(
        "A request with this Idempotency-Key is still in progress: retry after the time in"
            + " Retry-After",
        retryAfter);
  }

  /** How long a client should wait before it retries, when a retry can succeed. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
