package ${package}.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The body of a create: who orders and how many items. Valid by construction. */
public record CreateOrderRequest(String customerName, int orderItemCount) {

  /** Longest customer name, in characters. */
  public static final int MAX_NAME_LENGTH = 20;

  static final String CUSTOMER_NAME = "customerName";
  static final String ORDER_ITEM_COUNT = "orderItemCount";
  private static final String COUNT_RANGE = "must be between 1 and " + Integer.MAX_VALUE;

  /** Checks every rule and reports all broken ones together. */
  public CreateOrderRequest {
    List<FieldError> errors = new ArrayList<>();
    checkName(customerName, errors);
    if (orderItemCount < 1) {
      errors.add(new FieldError(ORDER_ITEM_COUNT, COUNT_RANGE));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /**
   * Reads a request body. Type errors are reported per field, together with the range errors of the
   * other fields: a number like 2.5 or the string "3" is not an integer.
   *
   * @throws MalformedRequestException when the body is not a JSON object
   * @throws ValidationException when a field is missing, has the wrong type or is out of range
   */
  public static CreateOrderRequest fromJson(String body) {
    JsonNode root = Json.parse(body);
    if (!root.isObject()) {
      throw new MalformedRequestException("The request body must be a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    String name = readName(root.get(CUSTOMER_NAME), errors);
    int count = readCount(root.get(ORDER_ITEM_COUNT), errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new CreateOrderRequest(name, count);
  }

  private static String readName(JsonNode node, List<FieldError> errors) {
    if (isAbsent(node)) {
      errors.add(new FieldError(CUSTOMER_NAME, "is required"));
      return null;
    }
    if (!node.isTextual()) {
      errors.add(new FieldError(CUSTOMER_NAME, "must be a string"));
      return null;
    }
    checkName(node.textValue(), errors);
    return node.textValue();
  }

  private static int readCount(JsonNode node, List<FieldError> errors) {
    if (isAbsent(node)) {
      errors.add(new FieldError(ORDER_ITEM_COUNT, "is required"));
    } else if (!node.isIntegralNumber()) {
      errors.add(new FieldError(ORDER_ITEM_COUNT, "must be an integer"));
    } else if (!node.canConvertToInt() || node.intValue() < 1) {
      errors.add(new FieldError(ORDER_ITEM_COUNT, COUNT_RANGE));
    } else {
      return node.intValue();
    }
    return 0;
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
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
}
