package ${package}.logic;

/** An idempotency key that cannot be honoured: reused with another body, or still in progress. */
public final class IdempotencyConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message safe to show to the client. */
  public IdempotencyConflictException(String message) {
    super(message);
  }
}
