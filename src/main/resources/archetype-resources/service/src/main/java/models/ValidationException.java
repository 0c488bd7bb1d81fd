package ${package}.models;

import java.util.List;

/** A request that parses but breaks rules; carries one {@link FieldError} per bad field. */
public final class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  /** Creates the exception from at least one field error. */
  public ValidationException(List<FieldError> errors) {
    super("Invalid fields: " + errors.stream().map(FieldError::field).toList());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("A validation failure needs at least one field error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The bad fields, in the order they were checked. */
  public List<FieldError> errors() {
    return errors;
  }
}
