package ${package}.logic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import ${package}.dal.IdempotencyRecord;
import ${package}.dal.IdempotencyRecord.Status;
import ${package}.dal.IdempotencyRepository;
import ${package}.dal.OrderRepository;
import ${package}.models.CreateOrderRequest;
import ${package}.models.IdempotencyKey;
import ${package}.models.Json;
import ${package}.models.Order;
import ${package}.models.Owner;

/**
 * Creates at most one order per idempotency key, with conditional writes only. Keys are stored
 * {@link IdempotencyKey#scoped() scoped} to the caller that signed the request.
 *
 * <p>The first caller claims the key with a record that already holds the whole planned order, then
 * writes the order and marks the record completed. A repeat with the same body returns the order of
 * a completed record; while the record is in progress it polls until completion. If the owner died,
 * its lock runs out and a repeat takes the key over and writes the very same planned order, so a
 * create is never half done and never done twice with different data. A repeat with another body is
 * a conflict.
 */
final class IdempotentCreates {

  /** Pauses the caller; tests replace it to run without real waiting. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final OrderRepository orders;
  private final IdempotencyRepository records;
  private final IdempotencyPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  IdempotentCreates(
      OrderRepository orders,
      IdempotencyRepository records,
      IdempotencyPolicy policy,
      Clock clock,
      Sleeper sleeper) {
    this.orders = orders;
    this.records = records;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  CreatedOrder create(Owner owner, IdempotencyKey key, CreateOrderRequest request, Order planned) {
    String hash = fingerprint(request);
    Instant start = clock.instant();
    Instant deadline = start.plus(policy.maxWait());
    IdempotencyRecord claim =
        new IdempotencyRecord(
            key.scoped(), Status.IN_PROGRESS, hash, planned, start, start.plus(policy.retention()));
    while (true) {
      Instant now = clock.instant();
      if (records.tryClaim(claim.withLockedUntil(now.plus(policy.lock())), now)) {
        return new CreatedOrder(complete(owner, claim), false);
      }
      Optional<IdempotencyRecord> existing = records.find(key.scoped());
      Optional<CreatedOrder> resolved = existing.flatMap(r -> resolve(owner, r, hash, planned));
      if (resolved.isPresent()) {
        return resolved.get();
      }
      // Claimed by another caller that has not finished, or gone in between: look again soon.
      if (!clock.instant().isBefore(deadline)) {
        throw IdempotencyConflictException.inProgress(lockLeft(existing));
      }
      pause();
    }
  }

  /** The outcome a repeat can settle now from the key's record, if any. */
  private Optional<CreatedOrder> resolve(
      Owner owner, IdempotencyRecord existing, String hash, Order planned) {
    if (!existing.requestHash().equals(hash)) {
      throw IdempotencyConflictException.differentBody();
    }
    if (existing.status() == Status.COMPLETED) {
      return Optional.of(new CreatedOrder(existing.order(), true));
    }
    // Our own claim: its write succeeded but the answer was lost, and the SDK's retry of the
    // conditional write found the record. The planned order's id is new to this request.
    if (existing.order().id().equals(planned.id())) {
      return Optional.of(new CreatedOrder(complete(owner, existing), false));
    }
    Instant now = clock.instant();
    if (existing.lockedUntil().isBefore(now)
        && records.tryTakeOver(existing.key(), existing.lockedUntil(), now.plus(policy.lock()))) {
      return Optional.of(new CreatedOrder(complete(owner, existing), false));
    }
    return Optional.empty();
  }

  /** The time left on the record's lock, at least a second: when a retry may take over. */
  private Duration lockLeft(Optional<IdempotencyRecord> existing) {
    long millis =
        existing.map(r -> Duration.between(clock.instant(), r.lockedUntil()).toMillis()).orElse(0L);
    return Duration.ofSeconds(Math.max(1, Math.ceilDiv(millis, 1000)));
  }

  // The key is scoped to the caller, so the record's order is this owner's.
  private Order complete(Owner owner, IdempotencyRecord owned) {
    orders.save(owner, owned.order());
    records.markCompleted(owned.key(), owned.order().id());
    return owned.order();
  }

  private void pause() {
    try {
      sleeper.sleep(policy.pollInterval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for an idempotent create", e);
    }
  }

  /** A digest of the validated request, so that formatting and field order do not matter. */
  static String fingerprint(CreateOrderRequest request) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest(Json.write(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
