package ${package}.dal;

import ${package}.models.Order;
import java.util.Optional;

/** Storage of orders, shaped by what the order logic needs. */
public interface OrderRepository {

  /** Stores the order, replacing one with the same id. */
  void save(Order order);

  /** The order with this id, if there is one. */
  Optional<Order> findById(String id);

  /** Deletes the order with this id; returns whether there was one. */
  boolean deleteById(String id);
}
