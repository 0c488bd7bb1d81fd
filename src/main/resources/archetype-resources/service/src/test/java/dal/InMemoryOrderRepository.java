package ${package}.dal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ${package}.models.Order;

/** An {@link OrderRepository} in a map, for unit tests; override a method to break it. */
public class InMemoryOrderRepository implements OrderRepository {

  private final Map<String, Order> orders = new ConcurrentHashMap<>();

  @Override
  public void save(Order order) {
    orders.put(order.id(), order);
  }

  @Override
  public Optional<Order> findById(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  @Override
  public boolean deleteById(String id) {
    return orders.remove(id) != null;
  }

  /** Every stored order. */
  public List<Order> all() {
    return List.copyOf(orders.values());
  }

  /** How many orders are stored. */
  public int size() {
    return orders.size();
  }
}
