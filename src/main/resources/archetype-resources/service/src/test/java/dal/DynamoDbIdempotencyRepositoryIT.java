package ${package}.dal;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.models.OrderFixtures.anOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ${package}.dal.IdempotencyRecord.Status;
import ${package}.models.Order;

class DynamoDbIdempotencyRepositoryIT {

  @RegisterExtension static final LocalDynamoDb DB = new LocalDynamoDb();

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private final IdempotencyRepository repository =
      new DynamoDbIdempotencyRepository(DB.client(), LocalDynamoDb.IDEMPOTENCY_TABLE);

  private static IdempotencyRecord claim(String key, Instant expiresAt) {
    Order order =
        anOrder()
            .id(UUID.randomUUID().toString())
            .customerName("Ada")
            .orderItemCount(3)
            .createdAt(NOW)
            .discountPercent(0)
            .build();
    return new IdempotencyRecord(
        key, Status.IN_PROGRESS, "hash-" + key, order, NOW.plusSeconds(10), expiresAt);
  }

  private static String newKey() {
    return "key-" + UUID.randomUUID();
  }

  @Test
  void firstClaim_winsAndIsStoredAsIs() {
    // Given
    IdempotencyRecord claim = claim(newKey(), NOW.plus(Duration.ofHours(24)));

    // When
    boolean won = repository.tryClaim(claim, NOW);

    // Then the record reads back exactly, TTL in whole seconds
    assertThat(won).isTrue();
    IdempotencyRecord stored = repository.find(claim.key()).orElseThrow();
    assertThat(stored).usingRecursiveComparison().ignoringFields("expiresAt").isEqualTo(claim);
    assertThat(stored.expiresAt().getEpochSecond()).isEqualTo(claim.expiresAt().getEpochSecond());
  }

  @Test
  void secondClaimOfALiveKey_loses() {
    // Given
    String key = newKey();
    repository.tryClaim(claim(key, NOW.plus(Duration.ofHours(24))), NOW);

    // When
    boolean second = repository.tryClaim(claim(key, NOW.plus(Duration.ofHours(24))), NOW);

    // Then the first claim is kept
    assertThat(second).isFalse();
  }

  @Test
  void claimOfAnExpiredKey_winsBeforeTtlDeletesIt() {
    // Given a record whose TTL passed
    String key = newKey();
    repository.tryClaim(claim(key, NOW.minusSeconds(5)), NOW.minusSeconds(60));
    IdempotencyRecord fresh = claim(key, NOW.plus(Duration.ofHours(24)));

    // When
    boolean won = repository.tryClaim(fresh, NOW);

    // Then
    assertThat(won).isTrue();
    assertThat(repository.find(key).orElseThrow().order()).isEqualTo(fresh.order());
  }

  @Test
  void takeOver_succeedsOnlyForTheLockItSaw() {
    // Given
    IdempotencyRecord claim = claim(newKey(), NOW.plus(Duration.ofHours(24)));
    repository.tryClaim(claim, NOW);
    Instant newLock = NOW.plusSeconds(30);

    // When
    boolean stale = repository.tryTakeOver(claim.key(), NOW.plusSeconds(99), newLock);
    boolean matching = repository.tryTakeOver(claim.key(), claim.lockedUntil(), newLock);
    boolean again = repository.tryTakeOver(claim.key(), claim.lockedUntil(), newLock);

    // Then exactly one caller takes over
    assertThat(stale).isFalse();
    assertThat(matching).isTrue();
    assertThat(again).isFalse();
    assertThat(repository.find(claim.key()).orElseThrow().lockedUntil()).isEqualTo(newLock);
  }

  @Test
  void markCompleted_completesOnlyTheClaimOfThatOrder() {
    // Given
    IdempotencyRecord claim = claim(newKey(), NOW.plus(Duration.ofHours(24)));
    repository.tryClaim(claim, NOW);

    // When
    repository.markCompleted(claim.key(), UUID.randomUUID().toString());
    Status afterOtherOrder = repository.find(claim.key()).orElseThrow().status();
    repository.markCompleted(claim.key(), claim.order().id());

    // Then
    assertThat(afterOtherOrder).isEqualTo(Status.IN_PROGRESS);
    assertThat(repository.find(claim.key()).orElseThrow().status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void completedRecord_cannotBeTakenOver() {
    IdempotencyRecord claim = claim(newKey(), NOW.plus(Duration.ofHours(24)));
    repository.tryClaim(claim, NOW);
    repository.markCompleted(claim.key(), claim.order().id());

    assertThat(repository.tryTakeOver(claim.key(), claim.lockedUntil(), NOW.plusSeconds(30)))
        .isFalse();
  }

  @Test
  void unknownKey_isNotFound() {
    assertThat(repository.find(newKey())).isEmpty();
  }
}
