package ${package}.logic;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

import ${package}.dal.IdempotencyRepository;
import ${package}.dal.OrderRepository;
import ${package}.models.CreateOrderRequest;
import ${package}.models.IdempotencyKey;
import ${package}.models.Order;
import ${package}.models.OrderId;

/** The rules of orders: creating (once per idempotency key), reading and deleting. */
public final class OrderService {

  /** Discount of orders created while the campaign flag is on. */
  public static final int CAMPAIGN_DISCOUNT_PERCENT = 10;

  private final OrderRepository orders;
  private final FeatureFlags flags;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final IdempotentCreates idempotentCreates;

  /** A service on the given storage and flags, with the default idempotency timings. */
  public OrderService(
      OrderRepository orders, IdempotencyRepository records, FeatureFlags flags, Clock clock) {
    this(
        orders,
        records,
        flags,
        clock,
        UUID::randomUUID,
        IdempotencyPolicy.DEFAULT,
        duration -> Thread.sleep(duration));
  }

  OrderService(
      OrderRepository orders,
      IdempotencyRepository records,
      FeatureFlags flags,
      Clock clock,
      Supplier<UUID> ids,
      IdempotencyPolicy policy,
      IdempotentCreates.Sleeper sleeper) {
    this.orders = orders;
    this.flags = flags;
    this.clock = clock;
    this.ids = ids;
    this.idempotentCreates = new IdempotentCreates(orders, records, policy, clock, sleeper);
  }

  /**
   * Creates an order. With an idempotency key, repeats of the same request return the first order
   * and a different request with the same key fails with {@link IdempotencyConflictException}.
   */
  @Tracing(captureMode = CaptureMode.ERROR)
  public CreatedOrder createOrder(CreateOrderRequest request, Optional<IdempotencyKey> key) {
    Order planned = plan(request);
    if (key.isPresent()) {
      return idempotentCreates.create(key.get(), request, planned);
    }
    orders.save(planned);
    return new CreatedOrder(planned, false);
  }

  /** The order with this id; fails with {@link OrderNotFoundException} when there is none. */
  @Tracing(captureMode = CaptureMode.ERROR)
  public Order getOrder(String id) {
    // Ids that are not UUIDs name no order: they are never sent to the database.
    return Optional.of(id)
        .filter(OrderId::isValid)
        .flatMap(orders::findById)
        .orElseThrow(() -> new OrderNotFoundException(id));
  }

  /** Deletes the order with this id; fails with {@link OrderNotFoundException} when none. */
  @Tracing(captureMode = CaptureMode.ERROR)
  public void deleteOrder(String id) {
    if (!OrderId.isValid(id) || !orders.deleteById(id)) {
      throw new OrderNotFoundException(id);
    }
  }

  private Order plan(CreateOrderRequest request) {
    int discount =
        flags.isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN) ? CAMPAIGN_DISCOUNT_PERCENT : 0;
    // Millisecond precision keeps createdAt identical after a round trip through any store.
    return Order.create(
        ids.get(), request, clock.instant().truncatedTo(ChronoUnit.MILLIS), discount);
  }
}
