package ${package}.dal;

import java.time.Instant;
import java.util.Optional;

/** Storage of idempotency records, written only with conditions so that one caller wins. */
public interface IdempotencyRepository {

  /**
   * Stores the record if its key is unknown or its previous record has expired (TTL deletes lazily,
   * so an expired record may still be there). Returns whether this caller won the key.
   */
  boolean tryClaim(IdempotencyRecord claim, Instant now);

  /** The record of this key, read consistently. */
  Optional<IdempotencyRecord> find(String key);

  /**
   * Re-locks an in-progress record whose lock ran out, if nobody else did first. Returns whether
   * this caller now owns the key.
   */
  boolean tryTakeOver(String key, Instant expiredLock, Instant newLock);

  /** Marks the record of this key and order completed, unless another claim replaced it. */
  void markCompleted(String key, String orderId);
}
