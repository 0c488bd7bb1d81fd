package ${package}.handlers;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import ${package}.dal.IdempotencyTable;
import ${package}.dal.OrdersTable;
import ${package}.dal.TableDefinition;

/**
 * What a route's function may touch.
 *
 * @param tables the tables and, for each, the only DynamoDB actions it calls
 * @param featureFlags whether it reads the feature flags (AppConfig)
 */
public record Needs(List<Needs.TableAccess> tables, boolean featureFlags) implements Serializable {

  /** Access to these tables and no feature flags. */
  public static Needs tables(TableAccess... tables) {
    return new Needs(List.of(tables), false);
  }

  /** The same, plus reading the feature flags. */
  public Needs withFeatureFlags() {
    return new Needs(tables, true);
  }

  /**
   * The actions a route calls on one table, or on some of its indexes.
   *
   * @param table the table
   * @param actions the only actions allowed
   * @param indexes the indexes they are allowed on, by name; none means the table itself
   */
  public record TableAccess(Table table, List<Action> actions, List<String> indexes)
      implements Serializable {

    /** Checks that every index is one the table declares, and is only queried. */
    public TableAccess {
      actions = List.copyOf(actions);
      indexes = List.copyOf(indexes);
      for (String index : indexes) {
        if (!table.definition().hasIndex(index)) {
          throw new IllegalArgumentException(
              "The " + table + " table declares no index " + index + ": add it to its definition");
        }
      }
      if (!indexes.isEmpty() && !actions.equals(List.of(Action.QUERY))) {
        throw new IllegalArgumentException("An index can only be queried: " + actions);
      }
    }
  }

  /** The service's DynamoDB tables, as routes name them; infra creates each from its definition. */
  public enum Table {
    /** The orders. */
    ORDERS(HandlerConfig.TABLE_NAME, OrdersTable.DEFINITION),
    /** The idempotency keys of creates. */
    IDEMPOTENCY(HandlerConfig.IDEMPOTENCY_TABLE_NAME, IdempotencyTable.DEFINITION);

    private final String environmentVariable;
    private final transient TableDefinition definition;

    Table(String environmentVariable, TableDefinition definition) {
      this.environmentVariable = environmentVariable;
      this.definition = definition;
    }

    /** The variable that passes the table's name to every function. */
    public String environmentVariable() {
      return environmentVariable;
    }

    /** Keys, TTL attribute and indexes, from the table's class in {@code dal}. */
    public TableDefinition definition() {
      return definition;
    }

    /** Access to this table for exactly these actions. */
    public TableAccess allows(Action... actions) {
      return new TableAccess(this, List.of(actions), List.of());
    }

    /** Query on exactly these indexes of this table, and on nothing else. */
    public TableAccess queries(TableDefinition.Index... indexes) {
      return new TableAccess(
          this,
          List.of(Action.QUERY),
          Arrays.stream(indexes).map(TableDefinition.Index::name).toList());
    }
  }

  /** DynamoDB actions a route may call; a call not listed here is denied in AWS. */
  public enum Action {
    /** GetItem. */
    GET_ITEM("dynamodb:GetItem"),
    /** PutItem. */
    PUT_ITEM("dynamodb:PutItem"),
    /** UpdateItem. */
    UPDATE_ITEM("dynamodb:UpdateItem"),
    /** DeleteItem. */
    DELETE_ITEM("dynamodb:DeleteItem"),
    /** Query. */
    QUERY("dynamodb:Query");

    private final String iamAction;

    Action(String iamAction) {
      this.iamAction = iamAction;
    }

    /** The IAM action name, e.g. {@code dynamodb:GetItem}. */
    public String iamAction() {
      return iamAction;
    }
  }
}
