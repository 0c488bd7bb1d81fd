package ${package}.dal;

import java.util.Optional;

import ${package}.models.Order;
import ${package}.models.OrderPage;
import ${package}.models.Owner;
import ${package}.models.PageRequest;

/**
 * Storage of orders, shaped by what the order logic needs. Every order has an owner, and every call
 * names it: an order is found, changed or deleted only through its own owner, and anything else
 * answers as if there were no such order.
 */
public interface OrderRepository {

  /** Stores the owner's order, replacing one with the same id and owner. */
  void save(Owner owner, Order order);

  /** The owner's order with this id, if there is one. */
  Optional<Order> findById(Owner owner, String id);

  /** Deletes the owner's order with this id; returns whether there was one. */
  boolean deleteById(Owner owner, String id);

  /**
   * A page of the owner's orders that the query selects, newest first. A cursor that is not one
   * this list gave this owner is a {@code ValidationException}.
   */
  OrderPage newestFirst(Owner owner, OrderQuery query, PageRequest page);
}
