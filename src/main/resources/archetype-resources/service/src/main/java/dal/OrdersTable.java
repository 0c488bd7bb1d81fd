package ${package}.dal;

import java.util.List;

import ${package}.dal.TableDefinition.Index;

/**
 * Shape of the orders table. An order's key is its id and its owner: a call made with another
 * caller's owner names no item, so DynamoDB itself keeps callers apart, with no read before the
 * check. The id stays the partition key, which spreads writes evenly.
 */
public final class OrdersTable {

  /** Partition key: the order id, a string. */
  public static final String PARTITION_KEY = "id";

  /** Sort key: the owner, the caller that created the order ({@code models.Owner}). */
  public static final String OWNER = "owner";

  /**
   * When the order was created, in {@link SortableTime}'s form: the sort key of {@link #BY_OWNER}.
   */
  public static final String CREATED_AT = "createdAt";

  /** Attribute the table's TTL setting reads, in epoch seconds. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  /** An owner's orders by creation time: the list route queries it newest first. */
  public static final OwnerIndex BY_OWNER =
      new OwnerIndex(Index.of("byOwner", OWNER, CREATED_AT), null);

  /** The indexes that list an owner's orders: saving an order writes the key of each. */
  public static final List<OwnerIndex> OWNER_INDEXES = List.of(BY_OWNER);

  /** The table: infra and the local tests create it from this. */
  public static final TableDefinition DEFINITION =
      TableDefinition.keyedBy(PARTITION_KEY, TTL_ATTRIBUTE)
          .sortedBy(OWNER)
          .withIndexes(OWNER_INDEXES.stream().map(OwnerIndex::index).toArray(Index[]::new));

  private OrdersTable() {}
}
