package ${package}.infra.constructs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.constructs.Construct;

import ${package}.handlers.Route;

/**
 * One function per route of the {@link Route} table, each allowed exactly what its route needs: the
 * listed DynamoDB actions on the listed tables, and reading the feature flags when asked. A
 * DynamoDB call that is not in the table is denied in AWS.
 */
public class FunctionsConstruct extends Construct {

  /**
   * @param factory builds each function the same way
   * @param tables every table of the service, by the name routes use for it
   * @param featureFlags the AppConfig flags
   */
  public record Props(
      FunctionFactory factory,
      Map<Route.Table, ITable> tables,
      FeatureFlagsConstruct featureFlags) {}

  private final Map<Route, ServiceFunction> functions = new EnumMap<>(Route.class);

  /** Creates the functions and their grants. */
  public FunctionsConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    // HandlerConfig checks every variable at init in every function, so all of them get all
    // names; the grants below decide what each one may actually touch.
    Map<String, String> variables = new TreeMap<>(props.featureFlags().environmentVariables());
    props
        .tables()
        .forEach(
            (table, resource) ->
                variables.put(table.environmentVariable(), resource.getTableName()));
    for (Route route : Route.values()) {
      ServiceFunction function =
          props
              .factory()
              .create(
                  this,
                  route.functionName(),
                  route.handler(),
                  "Serves " + route.method() + " " + route.path(),
                  variables);
      for (Route.TableAccess access : route.needs().tables()) {
        props
            .tables()
            .get(access.table())
            .grant(
                function.function(),
                access.actions().stream().map(Route.Action::iamAction).toArray(String[]::new));
      }
      if (route.needs().featureFlags()) {
        props.featureFlags().grantRead(function.function());
      }
      functions.put(route, function);
    }
  }

  /** The function of each route. */
  public Map<Route, ServiceFunction> byRoute() {
    return Collections.unmodifiableMap(functions);
  }

  /** All functions, in route order, for monitoring. */
  public List<ServiceFunction> all() {
    return List.copyOf(functions.values());
  }
}
