package ${package}.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a JSON request body and collects one error per bad field, so that a request
 * model reports every broken rule at once. Type errors are per field: 2.5 or "3" is not an integer.
 */
final class RequestFields {

  /** The message of a count below 1 or beyond an int. */
  static final String COUNT_RANGE = "must be between 1 and " + Integer.MAX_VALUE;

  private final JsonNode root;
  private final List<FieldError> errors = new ArrayList<>();

  private RequestFields(JsonNode root) {
    this.root = root;
  }

  /**
   * The fields of a body.
   *
   * @throws MalformedRequestException when the body is not a JSON object
   */
  static RequestFields of(String body) {
    JsonNode root = Json.parse(body);
    if (!root.isObject()) {
      throw new MalformedRequestException("The request body must be a JSON object");
    }
    return new RequestFields(root);
  }

  /** A required string, or null (and an error) when it is absent or not a string. */
  String requiredText(String name) {
    JsonNode node = root.get(name);
    if (isAbsent(node)) {
      errors.add(new FieldError(name, "is required"));
      return null;
    }
    return text(name, node);
  }

  /** An optional string, or null when absent; an error when it is not a string. */
  String optionalText(String name) {
    JsonNode node = root.get(name);
    return isAbsent(node) ? null : text(name, node);
  }

  /** A required integer of at least 1, or 0 (and an error) when it is anything else. */
  int requiredCount(String name) {
    JsonNode node = root.get(name);
    if (isAbsent(node)) {
      errors.add(new FieldError(name, "is required"));
    } else if (!node.isIntegralNumber()) {
      errors.add(new FieldError(name, "must be an integer"));
    } else if (!node.canConvertToInt() || node.intValue() < 1) {
      errors.add(new FieldError(name, COUNT_RANGE));
    } else {
      return node.intValue();
    }
    return 0;
  }

  /** Where a model's own rules add their errors, beside the type errors. */
  List<FieldError> errors() {
    return errors;
  }

  /** Throws the collected errors, if there are any. */
  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private String text(String name, JsonNode node) {
    if (!node.isTextual()) {
      errors.add(new FieldError(name, "must be a string"));
      return null;
    }
    return node.textValue();
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }
}
