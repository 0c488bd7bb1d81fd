package ${package}.dal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ${package}.dal.IdempotencyRecord.Status;

/** An {@link IdempotencyRepository} with the same conditions as DynamoDB's, for unit tests. */
public final class InMemoryIdempotencyRepository implements IdempotencyRepository {

  private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

  @Override
  public synchronized boolean tryClaim(IdempotencyRecord claim, Instant now) {
    IdempotencyRecord existing = records.get(claim.key());
    if (existing != null && !existing.expiresAt().isBefore(now)) {
      return false;
    }
    records.put(claim.key(), claim);
    return true;
  }

  @Override
  public Optional<IdempotencyRecord> find(String key) {
    return Optional.ofNullable(records.get(key));
  }

  @Override
  public synchronized boolean tryTakeOver(String key, Instant expiredLock, Instant newLock) {
    IdempotencyRecord existing = records.get(key);
    if (existing == null
        || existing.status() != Status.IN_PROGRESS
        || !existing.lockedUntil().equals(expiredLock)) {
      return false;
    }
    records.put(key, existing.withLockedUntil(newLock));
    return true;
  }

  @Override
  public synchronized void markCompleted(String key, String orderId) {
    IdempotencyRecord existing = records.get(key);
    if (existing != null && existing.order().id().equals(orderId)) {
      records.put(
          key,
          new IdempotencyRecord(
              key,
              Status.COMPLETED,
              existing.requestHash(),
              existing.order(),
              existing.lockedUntil(),
              existing.expiresAt()));
    }
  }

  /** Stores a record as it is, to set up a scenario. */
  public void put(IdempotencyRecord record) {
    records.put(record.key(), record);
  }

  /** Removes a record, as TTL would. */
  public void remove(String key) {
    records.remove(key);
  }
}
