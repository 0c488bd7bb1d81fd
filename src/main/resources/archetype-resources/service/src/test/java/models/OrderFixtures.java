package ${package}.models;

import java.time.Instant;
import java.util.UUID;

/**
 * Valid orders and requests to start from: a test sets only the fields it is about, so a new
 * optional field changes no test.
 */
public final class OrderFixtures {

  /** When the sample orders were created. */
  public static final Instant CREATED_AT = Instant.parse("2026-11-26T10:15:30.123Z");

  /** The owner of the orders of a test: the caller that signed the stored events. */
  public static final Owner OWNER = new Owner("123456789012:AROAEXAMPLEROLE");

  /** Another caller, who must never see {@link #OWNER}'s orders. */
  public static final Owner OTHER_OWNER = new Owner("123456789012:AROAEXAMPLEBOB");

  private OrderFixtures() {}

  /** An order of 3 items for Ada, with a random id and no discount. */
  public static Order.Builder anOrder() {
    return Order.builder()
        .id(UUID.randomUUID().toString())
        .customerName("Ada")
        .orderItemCount(3)
        .createdAt(CREATED_AT)
        .discountPercent(0);
  }

  /** A create of 3 items for Ada. */
  public static CreateOrderRequest.Builder aCreateOrderRequest() {
    return CreateOrderRequest.builder().customerName("Ada").orderItemCount(3);
  }
}
