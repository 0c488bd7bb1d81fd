package ${package}.logic;

/** No order has the requested id. */
public final class OrderNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for the id that was asked for. */
  public OrderNotFoundException(String id) {
    super("No order with id " + id);
  }
}
