package ${package}.models;

/** A request body that is not a JSON object at all. */
public final class MalformedRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message safe to show to the client. */
  public MalformedRequestException(String message) {
    super(message);
  }
}
