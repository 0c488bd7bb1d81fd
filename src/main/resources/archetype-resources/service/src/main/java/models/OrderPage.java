package ${package}.models;

import java.util.List;

/**
 * One page of a list of orders, as the API returns it.
 *
 * @param orders the orders on this page, newest first
 * @param nextCursor what to send as {@code cursor} for the next page; null (left out of the JSON)
 *     on the last page
 */
public record OrderPage(List<Order> orders, String nextCursor) {

  /** Copies the list. */
  public OrderPage {
    orders = List.copyOf(orders);
  }
}
