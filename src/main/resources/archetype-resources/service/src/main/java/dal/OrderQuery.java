package ${package}.dal;

/**
 * Which of an owner's orders a list holds, newest first: the index that finds them by key and the
 * field value of that key, if the index has one. The owner always comes from the request.
 *
 * @param index the index
 * @param value the value of the index's field; empty for an index keyed by the owner alone
 */
public record OrderQuery(OwnerIndex index, String value) {

  /** Every order of the owner. */
  public static OrderQuery all() {
    return new OrderQuery(OrdersTable.BY_OWNER, "");
  }
}
