package ${package}.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import static ${package}.models.OrderFixtures.OWNER;
import static ${package}.models.OrderFixtures.aCreateOrderRequest;
import static ${package}.models.OrderFixtures.anOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import ${package}.dal.InMemoryIdempotencyRepository;
import ${package}.dal.InMemoryOrderRepository;
import ${package}.dal.OrderRepository;
import ${package}.models.Order;

class OrderServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123456Z");
  private static final UUID ID = UUID.fromString("3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f");

  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  private final MutableClock clock = new MutableClock(NOW);
  // Storage that must not be asked: each test using it checks that it was not.
  private final OrderRepository unreachable = mock(OrderRepository.class);

  private OrderService service(OrderRepository repository, FeatureFlags flags) {
    return new OrderService(
        repository,
        new InMemoryIdempotencyRepository(),
        flags,
        clock,
        () -> ID,
        IdempotencyPolicy.DEFAULT,
        duration -> clock.advance(duration));
  }

  @Test
  void createOrder_storesAndReturnsTheNewOrder() {
    // When
    CreatedOrder created =
        service(orders, FeatureFlags.allOff())
            .createOrder(
                OWNER,
                aCreateOrderRequest().customerName("Ada").orderItemCount(3).build(),
                Optional.empty());

    // Then
    Order expected =
        anOrder()
            .id(ID.toString())
            .customerName("Ada")
            .orderItemCount(3)
            .createdAt(Instant.parse("2026-11-26T10:15:30.123Z"))
            .discountPercent(0)
            .build();
    assertThat(created).isEqualTo(new CreatedOrder(expected, false));
    assertThat(orders.findById(OWNER, ID.toString())).contains(expected);
  }

  @Test
  void createOrder_duringCampaign_getsTenPercentOff() {
    // Given
    FeatureFlags campaign = FeatureFlags.enabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN);

    // When
    CreatedOrder created =
        service(orders, campaign)
            .createOrder(
                OWNER,
                aCreateOrderRequest().customerName("Ada").orderItemCount(3).build(),
                Optional.empty());

    // Then
    assertThat(created.order().discountPercent()).isEqualTo(10);
  }

  @Test
  void getOrder_returnsTheStoredOrder() {
    // Given
    Order stored = anOrder().id(ID.toString()).createdAt(NOW).build();
    orders.save(OWNER, stored);

    // When / Then
    assertThat(service(orders, FeatureFlags.allOff()).getOrder(OWNER, ID.toString()))
        .isEqualTo(stored);
  }

  @Test
  void getOrder_unknownId_isNotFound() {
    assertThatThrownBy(() -> service(orders, FeatureFlags.allOff()).getOrder(OWNER, ID.toString()))
        .isInstanceOf(OrderNotFoundException.class)
        .hasMessageContaining(ID.toString());
  }

  @Test
  void getOrder_idThatIsNotUuid_isNotFoundWithoutAskingStorage() {
    // Given storage that must not be asked
    OrderService service = service(unreachable, FeatureFlags.allOff());

    // When / Then
    assertThatThrownBy(() -> service.getOrder(OWNER, "x".repeat(5000)))
        .isInstanceOf(OrderNotFoundException.class);
    verifyNoInteractions(unreachable);
  }

  @Test
  void deleteOrder_removesTheOrder() {
    // Given
    orders.save(OWNER, anOrder().id(ID.toString()).createdAt(NOW).build());

    // When
    service(orders, FeatureFlags.allOff()).deleteOrder(OWNER, ID.toString());

    // Then
    assertThat(orders.size()).isZero();
  }

  @Test
  void deleteOrder_unknownId_isNotFound() {
    assertThatThrownBy(
            () -> service(orders, FeatureFlags.allOff()).deleteOrder(OWNER, ID.toString()))
        .isInstanceOf(OrderNotFoundException.class);
  }

  @Test
  void deleteOrder_idThatIsNotUuid_isNotFoundWithoutAskingStorage() {
    OrderService service = service(unreachable, FeatureFlags.allOff());

    assertThatThrownBy(() -> service.deleteOrder(OWNER, "../etc"))
        .isInstanceOf(OrderNotFoundException.class);
    verifyNoInteractions(unreachable);
  }

  @Test
  void publicConstructor_usesRandomIdsAndRealWaiting() {
    // Given
    OrderService service =
        new OrderService(orders, new InMemoryIdempotencyRepository(), FeatureFlags.allOff(), clock);

    // When
    Order first =
        service
            .createOrder(
                OWNER,
                aCreateOrderRequest().customerName("Ada").orderItemCount(1).build(),
                Optional.empty())
            .order();
    Order second =
        service
            .createOrder(
                OWNER,
                aCreateOrderRequest().customerName("Ada").orderItemCount(1).build(),
                Optional.empty())
            .order();

    // Then
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(IdempotencyPolicy.DEFAULT.maxWait()).isLessThan(Duration.ofSeconds(10));
  }
}
