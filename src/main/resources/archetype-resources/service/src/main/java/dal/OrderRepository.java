package ${package}.dal;

import java.util.Optional;

import ${package}.models.Order;

/** Storage of orders, shaped by what the order logic needs. */
public interface OrderRepository {

  /** Stores the order, replacing one with the same id. */
  void save(Order order);

  /** The order with this id, if there is one. */
  Optional<Order> findById(String id);

  /** Deletes the order with this id; returns whether there was one. */
  boolean deleteById(String id);
}
