package ${package}.models;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order as the API returns it. Build one with {@link #builder()}: a new optional field then
 * changes this file, not the code that builds orders.
 */
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
    return builder()
        .id(id.toString())
        .customerName(request.customerName())
        .orderItemCount(request.orderItemCount())
        .createdAt(createdAt)
        .discountPercent(discountPercent)
        .build();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this order. */
  public Builder toBuilder() {
    return builder()
        .id(id)
        .customerName(customerName)
        .orderItemCount(orderItemCount)
        .createdAt(createdAt)
        .discountPercent(discountPercent);
  }

  /** Builds an order field by field; {@link #build()} checks it. */
  public static final class Builder {
    private String id;
    private String customerName;
    private int orderItemCount;
    private Instant createdAt;
    private int discountPercent;

    private Builder() {}

    /** The id, a UUID. */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /** The customer's name. */
    public Builder customerName(String value) {
      this.customerName = value;
      return this;
    }

    /** How many items, at least 1. */
    public Builder orderItemCount(int value) {
      this.orderItemCount = value;
      return this;
    }

    /** When the order was created. */
    public Builder createdAt(Instant value) {
      this.createdAt = value;
      return this;
    }

    /** The discount, 0 to 100. */
    public Builder discountPercent(int value) {
      this.discountPercent = value;
      return this;
    }

    /** The order; fails like the constructor when an invariant is broken. */
    public Order build() {
      return new Order(id, customerName, orderItemCount, createdAt, discountPercent);
    }
  }
}
