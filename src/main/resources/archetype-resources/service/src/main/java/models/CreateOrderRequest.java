package ${package}.models;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a create: who orders and how many items. Valid by construction; build one with {@link
 * #builder()} or {@link #fromJson}, so that a new optional field changes this file only.
 */
public record CreateOrderRequest(String customerName, int orderItemCount) {

  /** Longest customer name, in characters. */
  public static final int MAX_NAME_LENGTH = 20;

  static final String CUSTOMER_NAME = "customerName";
  static final String ORDER_ITEM_COUNT = "orderItemCount";

  /** Checks every rule and reports all broken ones together. */
  public CreateOrderRequest {
    List<FieldError> errors = new ArrayList<>();
    checkName(customerName, errors);
    if (orderItemCount < 1) {
      errors.add(new FieldError(ORDER_ITEM_COUNT, RequestFields.COUNT_RANGE));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /**
   * Reads a request body, reporting every bad field at once.
   *
   * @throws MalformedRequestException when the body is not a JSON object
   * @throws ValidationException when a field is missing, has the wrong type or is out of range
   */
  public static CreateOrderRequest fromJson(String body) {
    RequestFields fields = RequestFields.of(body);
    String name = fields.requiredText(CUSTOMER_NAME);
    if (name != null) {
      checkName(name, fields.errors());
    }
    int count = fields.requiredCount(ORDER_ITEM_COUNT);
    fields.throwIfInvalid();
    return builder().customerName(name).orderItemCount(count).build();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkName(String name, List<FieldError> errors) {
    if (name == null) {
      errors.add(new FieldError(CUSTOMER_NAME, "is required"));
      return;
    }
    if (name.isBlank()) {
      errors.add(new FieldError(CUSTOMER_NAME, "must not be blank"));
    } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      errors.add(
          new FieldError(CUSTOMER_NAME, "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
  }

  /** Builds a request field by field; {@link #build()} validates it. */
  public static final class Builder {
    private String customerName;
    private int orderItemCount;

    private Builder() {}

    /** Who orders. */
    public Builder customerName(String value) {
      this.customerName = value;
      return this;
    }

    /** How many items. */
    public Builder orderItemCount(int value) {
      this.orderItemCount = value;
      return this;
    }

    /** The request; fails with {@link ValidationException} like the constructor. */
    public CreateOrderRequest build() {
      return new CreateOrderRequest(customerName, orderItemCount);
    }
  }
}
