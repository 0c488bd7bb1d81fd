package ${package}.infra.constructs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;

import ${package}.handlers.Route;

/**
 * A table that dashboards and alarms watch.
 *
 * @param label short name used in dashboards and alarm names, e.g. {@code Orders}
 * @param table the table
 */
public record MonitoredTable(String label, ITable table) {

  /** Each table, labelled after its name in the route table: {@code ORDERS} is {@code Orders}. */
  public static List<MonitoredTable> of(Map<Route.Table, ITable> tables) {
    return tables.entrySet().stream()
        .map(
            table -> {
              String name = table.getKey().name();
              return new MonitoredTable(
                  name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT), table.getValue());
            })
        .toList();
  }
}
