package ${package}.infra;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

import ${package}.infra.constructs.AlarmThresholds;
import ${package}.infra.constructs.ApiConstruct;
import ${package}.infra.constructs.DatabaseConstruct;
import ${package}.infra.constructs.FeatureFlagsConstruct;
import ${package}.infra.constructs.FunctionFactory;
import ${package}.infra.constructs.MonitoringConstruct;
import ${package}.infra.constructs.OrderFunctionsConstruct;
import ${package}.infra.constructs.WafConstruct;

/** The service: database, feature flags, functions, API, monitoring and, where asked, WAF. */
public class ServiceStack extends Stack {

  /** Output id of the API base URL (read by the e2e tests from cdk-outputs.json). */
  public static final String API_URL_OUTPUT = "ApiUrl";

  /** Output id of the orders table name. */
  public static final String ORDERS_TABLE_OUTPUT = "OrdersTableName";

  /** Output id of the idempotency table name. */
  public static final String IDEMPOTENCY_TABLE_OUTPUT = "IdempotencyTableName";

  /** Builds the stack; {@code code} is the Lambda jar (a stand-in in construct tests). */
  public ServiceStack(Construct scope, String id, StackProps props, StackConfig config, Code code) {
    super(scope, id, props);
    ServiceProperties service = config.service();
    DeploymentEnvironment environment = config.environment();
    Tags.of(this).add("service", service.serviceName());
    Tags.of(this).add("environment", environment.contextName());

    DatabaseConstruct database =
        new DatabaseConstruct(
            this,
            "Database",
            new DatabaseConstruct.Props(environment.removalPolicy(), environment.keepsData()));
    FeatureFlagsConstruct featureFlags =
        new FeatureFlagsConstruct(this, "FeatureFlags", environment.contextName());
    OrderFunctionsConstruct functions =
        new OrderFunctionsConstruct(
            this,
            "Functions",
            new OrderFunctionsConstruct.Props(
                new FunctionFactory(
                    service.runtime(),
                    service.architecture(),
                    code,
                    environment.logRetention(),
                    environment.removalPolicy(),
                    service.serviceName()),
                database.ordersTable(),
                database.idempotencyTable(),
                featureFlags));
    ApiConstruct api =
        new ApiConstruct(
            this,
            "Api",
            new ApiConstruct.Props(
                functions.createOrder(),
                functions.getOrder(),
                functions.deleteOrder(),
                environment.logRetention(),
                environment.removalPolicy()));
    new MonitoringConstruct(
        this,
        "Monitoring",
        new MonitoringConstruct.Props(
            service.serviceName(),
            api.api(),
            functions.all(),
            List.of(
                new MonitoringConstruct.MonitoredTable("Orders", database.ordersTable()),
                new MonitoringConstruct.MonitoredTable("Idempotency", database.idempotencyTable())),
            AlarmThresholds.DEFAULTS,
            config.alarmEmail(),
            environment.removalPolicy()));
    if (config.wafEnabled()) {
      new WafConstruct(
          this,
          "Waf",
          new WafConstruct.Props(
              api.stage(), environment.logRetention(), environment.removalPolicy()));
    }

    CfnOutput.Builder.create(this, API_URL_OUTPUT).value(api.api().getUrl()).build();
    CfnOutput.Builder.create(this, ORDERS_TABLE_OUTPUT)
        .value(database.ordersTable().getTableName())
        .build();
    CfnOutput.Builder.create(this, IDEMPOTENCY_TABLE_OUTPUT)
        .value(database.idempotencyTable().getTableName())
        .build();

    NagRules.suppressAcceptedFindings(this, config);
  }

  /** Creates the stack of the app's context, running the Lambda jar built by the service module. */
  public static ServiceStack create(Construct scope, StackConfig config, StackProps props) {
    return new ServiceStack(
        scope,
        config.stackName(),
        props,
        config,
        Code.fromAsset(config.service().lambdaJar().toString()));
  }
}
