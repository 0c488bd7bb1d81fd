package ${package}.dal;

import java.util.function.Function;

import ${package}.models.Order;
import ${package}.models.Owner;

/**
 * An index of the orders table that lists one owner's orders newest first: its partition key is the
 * owner, or the owner and the value of one order field ({@code <owner>#<value>}: an owner id holds
 * no {@code #}), and its sort key the creation time. Saving an order writes its key here, so a list
 * on another owner's key finds nothing.
 *
 * @param index the index, as the table declares it
 * @param field the order field of the key besides the owner; null when the owner alone is the key
 */
public record OwnerIndex(TableDefinition.Index index, Function<Order, String> field) {

  private static final String SEPARATOR = "#";

  /** The index's partition key value of an owner's order: written when the order is saved. */
  String keyOf(Owner owner, Order order) {
    return field == null ? owner.id() : partition(owner, field.apply(order));
  }

  /** The index's partition key value for an owner and a field value: what a list queries. */
  String partition(Owner owner, String value) {
    return field == null ? owner.id() : owner.id() + SEPARATOR + value;
  }

  /** The attribute that holds the partition key. */
  String attribute() {
    return index.partitionKey().name();
  }
}
