package ${package}.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static ${package}.models.OrderFixtures.aCreateOrderRequest;
import static ${package}.models.OrderFixtures.anOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import ${package}.dal.IdempotencyRecord;
import ${package}.dal.IdempotencyRecord.Status;
import ${package}.dal.IdempotencyRepository;
import ${package}.dal.InMemoryIdempotencyRepository;
import ${package}.dal.InMemoryOrderRepository;
import ${package}.models.Caller;
import ${package}.models.CreateOrderRequest;
import ${package}.models.IdempotencyKey;
import ${package}.models.Order;
import ${package}.models.Owner;

class IdempotentCreatesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
  private static final IdempotencyKey KEY = new IdempotencyKey("key-1");
  private static final CreateOrderRequest ADA =
      aCreateOrderRequest().customerName("Ada").orderItemCount(3).build();
  private static final IdempotencyPolicy POLICY = IdempotencyPolicy.DEFAULT;

  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  private final InMemoryIdempotencyRepository records = new InMemoryIdempotencyRepository();
  private final MutableClock clock = new MutableClock(NOW);
  private final List<Runnable> onSleep = new ArrayList<>();

  private OrderService service(IdempotencyRepository repository) {
    return new OrderService(
        orders,
        repository,
        FeatureFlags.allOff(),
        clock,
        UUID::randomUUID,
        POLICY,
        duration -> {
          clock.advance(duration);
          onSleep.forEach(Runnable::run);
        });
  }

  private CreatedOrder create(CreateOrderRequest request) {
    return service(records).createOrder(Owner.ANONYMOUS, request, Optional.of(KEY));
  }

  private static Order planned(String id) {
    return anOrder()
        .id(id)
        .customerName("Ada")
        .orderItemCount(3)
        .createdAt(NOW)
        .discountPercent(0)
        .build();
  }

  private static IdempotencyRecord inProgress(Order order, Instant lockedUntil) {
    return new IdempotencyRecord(
        KEY.value(),
        Status.IN_PROGRESS,
        IdempotentCreates.fingerprint(ADA),
        order,
        lockedUntil,
        NOW.plus(POLICY.retention()));
  }

  @Test
  void sameKeyFromTwoCallers_neverMeets() {
    // Given
    OrderService service = service(records);
    CreateOrderRequest bobsOrder =
        aCreateOrderRequest().customerName("Bob").orderItemCount(1).build();

    // When: Bob uses Ada's key, with Ada's body and with another one
    CreatedOrder forAda = createAs(service, "AROAEXAMPLEADA:s1", ADA);
    CreatedOrder sameBodyForBob = createAs(service, "AROAEXAMPLEBOB:s1", ADA);
    CreatedOrder otherBodyForBob = createAs(service, "AROAEXAMPLECAROL:s1", bobsOrder);

    // Then: neither a replay of Ada's order nor a conflict with it
    assertThat(sameBodyForBob.replayed()).isFalse();
    assertThat(sameBodyForBob.order().id()).isNotEqualTo(forAda.order().id());
    assertThat(otherBodyForBob.replayed()).isFalse();
    assertThat(orders.size()).isEqualTo(3);
  }

  @Test
  void sameCallerInANewSession_replaysItsOrder() {
    // Given
    OrderService service = service(records);
    CreatedOrder first = createAs(service, "AROAEXAMPLEADA:s1", ADA);

    // When: the same role, with fresh credentials
    CreatedOrder repeat = createAs(service, "AROAEXAMPLEADA:s2", ADA);

    // Then
    assertThat(repeat.replayed()).isTrue();
    assertThat(repeat.order().id()).isEqualTo(first.order().id());
  }

  /** A create signed by this caller, with KEY's value: the caller's own key and owner. */
  private static CreatedOrder createAs(
      OrderService service, String caller, CreateOrderRequest request) {
    IdempotencyKey key = keyOf(caller);
    return service.createOrder(Owner.of(key.caller()), request, Optional.of(key));
  }

  /** The key "key-1" sent by {@code caller} of account 123456789012. */
  private static IdempotencyKey keyOf(String caller) {
    return new IdempotencyKey(
        KEY.value(), Optional.of(Caller.fromIdentity("123456789012", caller)));
  }

  @Test
  void repeatWithSameBody_returnsTheFirstOrder() {
    // Given
    CreatedOrder first = create(ADA);

    // When
    CreatedOrder repeat =
        create(aCreateOrderRequest().customerName("Ada").orderItemCount(3).build());

    // Then
    assertThat(first.replayed()).isFalse();
    assertThat(repeat).isEqualTo(new CreatedOrder(first.order(), true));
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void repeatWithOtherBody_isAConflict() {
    // Given
    create(ADA);

    // When / Then
    assertThatThrownBy(
            () -> create(aCreateOrderRequest().customerName("Ada").orderItemCount(4).build()))
        .isInstanceOf(IdempotencyConflictException.class)
        .hasMessageContaining("different request body")
        .satisfies(
            conflict ->
                assertThat(((IdempotencyConflictException) conflict).retryAfter()).isEmpty());
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void repeatWhileFirstInProgress_waitsAndReturnsTheFirstOrder() {
    // Given a first create that completes while the repeat waits
    Order first = planned("3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f");
    records.put(inProgress(first, NOW.plus(POLICY.lock())));
    onSleep.add(
        () -> {
          orders.save(Owner.ANONYMOUS, first);
          records.markCompleted(KEY.value(), first.id());
        });

    // When
    CreatedOrder repeat = create(ADA);

    // Then
    assertThat(repeat).isEqualTo(new CreatedOrder(first, true));
  }

  @Test
  void repeatWhileFirstInProgressTooLong_isAConflictToRetry() {
    // Given a first create that neither completes nor loses its lock within the wait
    records.put(inProgress(planned(UUID.randomUUID().toString()), NOW.plus(Duration.ofHours(1))));

    // When / Then: retry once the lock is over, which the wait of 5 s brought 5 s nearer
    assertThatThrownBy(() -> create(ADA))
        .isInstanceOf(IdempotencyConflictException.class)
        .hasMessageContaining("still in progress")
        .satisfies(
            conflict ->
                assertThat(((IdempotencyConflictException) conflict).retryAfter())
                    .contains(Duration.ofHours(1).minus(POLICY.maxWait())));
    assertThat(orders.size()).isZero();
  }

  @Test
  void ownClaimWhoseAnswerWasLost_isCompletedNotWaitedFor() {
    // Given a claim that DynamoDB stored, whose answer was lost: the SDK's retry of the
    // conditional write then finds the record and reports the claim as failed
    IdempotencyRepository lostAnswer =
        new ForwardingRepository(records) {
          @Override
          public boolean tryClaim(IdempotencyRecord claim, Instant now) {
            super.tryClaim(claim, now);
            return false;
          }
        };

    // When
    CreatedOrder created = service(lostAnswer).createOrder(Owner.ANONYMOUS, ADA, Optional.of(KEY));

    // Then: the order is written once, at once, and the key completed
    assertThat(created.replayed()).isFalse();
    assertThat(orders.findById(Owner.ANONYMOUS, created.order().id())).contains(created.order());
    assertThat(orders.size()).isEqualTo(1);
    assertThat(records.find(KEY.value()).orElseThrow().status()).isEqualTo(Status.COMPLETED);
    assertThat(clock.instant()).isEqualTo(NOW);
  }

  @Test
  void firstOwnerDied_repeatTakesOverAndWritesThePlannedOrder() {
    // Given a claim whose owner stopped before writing the order and whose lock ran out
    Order plannedByFirst = planned("3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f");
    records.put(inProgress(plannedByFirst, NOW.minusSeconds(1)));

    // When
    CreatedOrder repeat = create(ADA);

    // Then the first caller's order is written, once, and the key is completed
    assertThat(repeat).isEqualTo(new CreatedOrder(plannedByFirst, false));
    assertThat(orders.findById(Owner.ANONYMOUS, plannedByFirst.id())).contains(plannedByFirst);
    assertThat(records.find(KEY.value()).orElseThrow().status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  void expiredRecord_isReplacedByANewCreate() {
    // Given a record past its TTL that DynamoDB has not deleted yet, for another body
    records.put(
        new IdempotencyRecord(
            KEY.value(),
            Status.COMPLETED,
            "old-hash",
            planned(UUID.randomUUID().toString()),
            NOW.minus(Duration.ofDays(2)),
            NOW.minusSeconds(1)));

    // When
    CreatedOrder created = create(ADA);

    // Then
    assertThat(created.replayed()).isFalse();
    assertThat(orders.findById(Owner.ANONYMOUS, created.order().id())).isPresent();
  }

  @Test
  void recordGoneBetweenClaimAndRead_claimsAgain() {
    // Given storage where the record disappears (TTL) right after the first failed claim
    IdempotencyRepository vanishing =
        new ForwardingRepository(records) {
          private boolean claimedOnce;

          @Override
          public boolean tryClaim(IdempotencyRecord claim, Instant now) {
            if (!claimedOnce) {
              claimedOnce = true;
              return false;
            }
            return super.tryClaim(claim, now);
          }
        };

    // When
    CreatedOrder created = service(vanishing).createOrder(Owner.ANONYMOUS, ADA, Optional.of(KEY));

    // Then
    assertThat(created.replayed()).isFalse();
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void interruptedWhileWaiting_stopsWithInterruptFlagKept() {
    // Given
    records.put(inProgress(planned(UUID.randomUUID().toString()), NOW.plusSeconds(60)));
    OrderService service =
        new OrderService(
            orders,
            records,
            FeatureFlags.allOff(),
            clock,
            UUID::randomUUID,
            POLICY,
            duration -> {
              throw new InterruptedException("stop");
            });

    // When / Then
    assertThatThrownBy(() -> service.createOrder(Owner.ANONYMOUS, ADA, Optional.of(KEY)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void concurrentRepeats_allGetTheSameOrder() throws Exception {
    // Given many callers with the same key and body at once, waiting for real
    OrderService service =
        new OrderService(
            orders,
            records,
            FeatureFlags.allOff(),
            java.time.Clock.systemUTC(),
            UUID::randomUUID,
            POLICY,
            duration -> Thread.sleep(duration.toMillis()));
    Callable<CreatedOrder> call = () -> service.createOrder(Owner.ANONYMOUS, ADA, Optional.of(KEY));
    List<Future<CreatedOrder>> results = new ArrayList<>();

    // When
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(call));
      }
    }

    // Then
    List<String> ids = new ArrayList<>();
    for (Future<CreatedOrder> result : results) {
      ids.add(result.get().order().id());
    }
    assertThat(ids).hasSize(16).containsOnly(ids.get(0));
    assertThat(orders.size()).isEqualTo(1);
  }

  @Test
  void fingerprint_dependsOnTheRequestOnly() {
    assertThat(
            IdempotentCreates.fingerprint(
                aCreateOrderRequest().customerName("Ada").orderItemCount(3).build()))
        .isEqualTo(IdempotentCreates.fingerprint(ADA))
        .isNotEqualTo(
            IdempotentCreates.fingerprint(
                aCreateOrderRequest().customerName("Ada").orderItemCount(4).build()))
        .hasSize(64);
  }

  /** Passes every call to another repository; subclasses change one behaviour. */
  private static class ForwardingRepository implements IdempotencyRepository {
    private final IdempotencyRepository delegate;

    ForwardingRepository(IdempotencyRepository delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean tryClaim(IdempotencyRecord claim, Instant now) {
      return delegate.tryClaim(claim, now);
    }

    @Override
    public Optional<IdempotencyRecord> find(String key) {
      return delegate.find(key);
    }

    @Override
    public boolean tryTakeOver(String key, Instant expiredLock, Instant newLock) {
      return delegate.tryTakeOver(key, expiredLock, newLock);
    }

    @Override
    public void markCompleted(String key, String orderId) {
      delegate.markCompleted(key, orderId);
    }
  }
}
