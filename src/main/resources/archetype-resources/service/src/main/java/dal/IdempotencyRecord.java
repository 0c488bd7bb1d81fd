package ${package}.dal;

import java.time.Instant;
import java.util.Objects;

import ${package}.models.Order;

/**
 * What the idempotency table remembers about one key: the request's fingerprint, the order it
 * creates (planned before the first write, so that whoever completes it writes the same order), and
 * how long the key stays locked and remembered.
 */
public record IdempotencyRecord(
    String key,
    Status status,
    String requestHash,
    Order order,
    Instant lockedUntil,
    Instant expiresAt) {

  /** Where the create behind a key stands. */
  public enum Status {
    /** Claimed; the order may not be written yet. */
    IN_PROGRESS,
    /** The order is written; repeats return it. */
    COMPLETED
  }

  /** Checks that every part is present. */
  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The same record, locked until the given time. */
  public IdempotencyRecord withLockedUntil(Instant until) {
    return new IdempotencyRecord(key, status, requestHash, order, until, expiresAt);
  }
}
