package ${package}.infra.constructs;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Operation;

import ${package}.dal.TableDefinition;
import ${package}.handlers.Needs;
import ${package}.handlers.Route;

/**
 * A table that dashboards and alarms watch, with what the routes do to it.
 *
 * @param label short name used in dashboards and alarm names, e.g. {@code Orders}
 * @param table the table
 * @param operations every operation some route calls on it: what throttles and errors sum over
 * @param indexes its global secondary indexes, each watched for throttling of its own
 */
public record MonitoredTable(
    String label, ITable table, List<Operation> operations, List<String> indexes) {

  /** Each table, with the operations of the route table on it and its declared indexes. */
  public static List<MonitoredTable> of(Map<Needs.Table, ITable> tables) {
    return tables.entrySet().stream()
        .map(
            table ->
                new MonitoredTable(
                    label(table.getKey()),
                    table.getValue(),
                    operationsOn(table.getKey()),
                    table.getKey().definition().indexes().stream()
                        .map(TableDefinition.Index::name)
                        .toList()))
        .toList();
  }

  /** The label of a table of the route table: {@code ORDERS} is {@code Orders}. */
  static String label(Needs.Table table) {
    String name = table.name();
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }

  /** The operations the routes call on a table, in the order of the Action enum. */
  static List<Operation> operationsOn(Needs.Table table) {
    Set<Needs.Action> actions = new LinkedHashSet<>();
    Arrays.stream(Route.values())
        .flatMap(route -> route.needs().tables().stream())
        .filter(access -> access.table() == table)
        .forEach(access -> actions.addAll(access.actions()));
    return Arrays.stream(Needs.Action.values())
        .filter(actions::contains)
        .map(action -> Operation.valueOf(action.name()))
        .toList();
  }
}
