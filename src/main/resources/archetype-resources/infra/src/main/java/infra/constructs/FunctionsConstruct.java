package ${package}.infra.constructs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

import ${package}.handlers.Needs;
import ${package}.handlers.Route;

/**
 * One function per route of the {@link Route} table, each allowed exactly what its route needs: the
 * listed DynamoDB actions on the listed tables (Query on exactly the listed indexes), and reading
 * the feature flags when asked. A DynamoDB call that is not in the table is denied in AWS.
 */
public class FunctionsConstruct extends Construct {

  /**
   * @param factory builds each function the same way
   * @param tables every table of the service, by the name routes use for it
   * @param featureFlags the AppConfig flags
   */
  public record Props(
      FunctionFactory factory,
      Map<Needs.Table, ITable> tables,
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
      for (Needs.TableAccess access : route.needs().tables()) {
        function.function().addToRolePolicy(statement(access, props.tables().get(access.table())));
      }
      if (route.needs().featureFlags()) {
        props.featureFlags().grantRead(function.function());
      }
      functions.put(route, function);
    }
  }

  /**
   * Exactly the listed actions, on the table itself or on exactly the listed indexes. Written out
   * rather than through {@code ITable.grant}, which adds {@code index/*} to every grant on a table
   * that has an index.
   */
  static PolicyStatement statement(Needs.TableAccess access, ITable table) {
    List<String> resources =
        access.indexes().isEmpty()
            ? List.of(table.getTableArn())
            : access.indexes().stream()
                .map(index -> table.getTableArn() + "/index/" + index)
                .toList();
    return PolicyStatement.Builder.create()
        .effect(Effect.ALLOW)
        .actions(access.actions().stream().map(Needs.Action::iamAction).toList())
        .resources(resources)
        .build();
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
