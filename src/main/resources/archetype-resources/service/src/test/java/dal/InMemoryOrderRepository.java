package ${package}.dal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import ${package}.models.Order;
import ${package}.models.OrderPage;
import ${package}.models.Owner;
import ${package}.models.PageRequest;

/**
 * An {@link OrderRepository} in a map, for unit tests; override a method to break it. Orders are
 * kept by owner and id, as in DynamoDB; its cursor is the position in the owner's list.
 */
public class InMemoryOrderRepository implements OrderRepository {

  private record Key(Owner owner, String id) {}

  private final Map<Key, Order> orders = new ConcurrentHashMap<>();

  @Override
  public void save(Owner owner, Order order) {
    orders.put(new Key(owner, order.id()), order);
  }

  @Override
  public Optional<Order> findById(Owner owner, String id) {
    return Optional.ofNullable(orders.get(new Key(owner, id)));
  }

  @Override
  public boolean deleteById(Owner owner, String id) {
    return orders.remove(new Key(owner, id)) != null;
  }

  /** The orders whose index key is the query's, as DynamoDB would find them. */
  @Override
  public OrderPage newestFirst(Owner owner, OrderQuery query, PageRequest page) {
    String wanted = query.index().partition(owner, query.value());
    List<Order> owned =
        orders.entrySet().stream()
            .filter(
                entry ->
                    query.index().keyOf(entry.getKey().owner(), entry.getValue()).equals(wanted))
            .map(Map.Entry::getValue)
            .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed())
            .toList();
    int from = page.cursor().map(Integer::parseInt).orElse(0);
    int to = Math.min(owned.size(), from + page.limit());
    return new OrderPage(owned.subList(from, to), to < owned.size() ? Integer.toString(to) : null);
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
