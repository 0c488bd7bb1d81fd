package ${package}.logic;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.tracing.CaptureMode;
import software.amazon.lambda.powertools.tracing.Tracing;

import ${package}.dal.IdempotencyRepository;
import ${package}.dal.OrderQuery;
import ${package}.dal.OrderRepository;
import ${package}.models.CreateOrderRequest;
import ${package}.models.IdempotencyKey;
import ${package}.models.Order;
import ${package}.models.OrderId;
import ${package}.models.OrderPage;
import ${package}.models.Owner;
import ${package}.models.PageRequest;

/**
 * The rules of orders: creating (once per idempotency key), reading, listing and deleting, each for
 * one owner. An owner never sees another's orders: to it they do not exist.
 */
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
   * Creates an order of this owner. With an idempotency key, repeats of the same request return the
   * first order and a different request with the same key fails with {@link
   * IdempotencyConflictException}.
   */
  @Tracing(captureMode = CaptureMode.ERROR)
  public CreatedOrder createOrder(
      Owner owner, CreateOrderRequest request, Optional<IdempotencyKey> key) {
    Order planned = plan(request);
    if (key.isPresent()) {
      return idempotentCreates.create(owner, key.get(), request, planned);
    }
    orders.save(owner, planned);
    return new CreatedOrder(planned, false);
  }

  /**
   * The owner's order with this id; fails with {@link OrderNotFoundException} when there is none,
   * or when it is another owner's.
   */
  @Tracing(captureMode = CaptureMode.ERROR)
  public Order getOrder(Owner owner, String id) {
    // Ids that are not UUIDs name no order: they are never sent to the database.
    return Optional.of(id)
        .filter(OrderId::isValid)
        .flatMap(valid -> orders.findById(owner, valid))
        .orElseThrow(() -> new OrderNotFoundException(id));
  }

  /**
   * Deletes the owner's order with this id; fails with {@link OrderNotFoundException} when none.
   */
  @Tracing(captureMode = CaptureMode.ERROR)
  public void deleteOrder(Owner owner, String id) {
    if (!OrderId.isValid(id) || !orders.deleteById(owner, id)) {
      throw new OrderNotFoundException(id);
    }
  }

  /** A page of the owner's orders, newest first. */
  @Tracing(captureMode = CaptureMode.ERROR)
  public OrderPage listOrders(Owner owner, PageRequest page) {
    return orders.newestFirst(owner, OrderQuery.all(), page);
  }

  private Order plan(CreateOrderRequest request) {
    int discount =
        flags.isEnabled(FeatureFlag.TEN_PERCENT_OFF_CAMPAIGN) ? CAMPAIGN_DISCOUNT_PERCENT : 0;
    // Millisecond precision keeps createdAt identical after a round trip through any store.
    return Order.create(
        ids.get(), request, clock.instant().truncatedTo(ChronoUnit.MILLIS), discount);
  }
}
