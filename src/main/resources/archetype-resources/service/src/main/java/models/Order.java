package ${package}.models;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An order as the API returns it. */
public record Order(
    String id, String customerName, int orderItemCount, Instant createdAt, int discountPercent) {

  /** Checks the invariants that every stored order keeps. */
  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!OrderId.isValid(id)) {
      throw new IllegalArgumentException("id must be a UUID: " + id);
    }
    if (orderItemCount < 1) {
      throw new IllegalArgumentException("orderItemCount must be at least 1");
    }
    if (discountPercent < 0 || discountPercent > 100) {
      throw new IllegalArgumentException("discountPercent must be between 0 and 100");
    }
  }

  /** A new order for a valid request. */
  public static Order create(
      UUID id, CreateOrderRequest request, Instant createdAt, int discountPercent) {
    return new Order(
        id.toString(),
        request.customerName(),
        request.orderItemCount(),
        createdAt,
        discountPercent);
  }
}
