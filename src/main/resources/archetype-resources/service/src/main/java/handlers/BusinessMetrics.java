package ${package}.handlers;

/** Names of the business metrics the handlers emit, one per operation; dashboards use them too. */
public final class BusinessMetrics {

  /** Count of orders created (repeats of an idempotent create are not counted). */
  public static final String ORDERS_CREATED = "OrdersCreated";

  /** Count of orders read. */
  public static final String ORDERS_RETRIEVED = "OrdersRetrieved";

  /** Count of orders deleted. */
  public static final String ORDERS_DELETED = "OrdersDeleted";

  private BusinessMetrics() {}
}
