package ${package}.infra;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.Policy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

import ${package}.infra.constructs.AlarmThresholds;
import ${package}.infra.constructs.AlarmTopicConstruct;
import ${package}.infra.constructs.AlarmsConstruct;
import ${package}.infra.constructs.ApiConstruct;
import ${package}.infra.constructs.DashboardsConstruct;
import ${package}.infra.constructs.DatabaseConstruct;
import ${package}.infra.constructs.FeatureFlagsConstruct;
import ${package}.infra.constructs.FunctionFactory;
import ${package}.infra.constructs.FunctionsConstruct;
import ${package}.infra.constructs.MonitoredTable;
import ${package}.infra.constructs.StackLogs;
import ${package}.infra.constructs.StackMetrics;
import ${package}.infra.constructs.WafConstruct;

/**
 * The service: database, feature flags, one function per route, API, alarm topic, dashboards,
 * alarms and, where asked, WAF. It only wires the constructs together.
 */
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
    // The stack name is unique in the account and region: as the metrics namespace it keeps the
    // metrics of side-by-side stacks (pull requests) apart.
    StackMetrics metrics = new StackMetrics(getStackName(), service.serviceName());
    // One key and one way for every log group: functions, API access and execution logs, WAF.
    StackLogs logs = new StackLogs(this, "Logs", environment.removalPolicy());

    DatabaseConstruct database =
        new DatabaseConstruct(
            this,
            "Database",
            new DatabaseConstruct.Props(environment.removalPolicy(), environment.keepsData()));
    FeatureFlagsConstruct featureFlags =
        new FeatureFlagsConstruct(this, "FeatureFlags", environment.contextName());
    FunctionsConstruct functions =
        new FunctionsConstruct(
            this,
            "Functions",
            new FunctionsConstruct.Props(
                new FunctionFactory(service.runtime(), service.architecture(), code, logs, metrics),
                database.tables(),
                featureFlags));
    ApiConstruct api =
        new ApiConstruct(
            this,
            "Api",
            new ApiConstruct.Props(functions.byRoute(), logs, service.authorization()));
    addMonitoring(config, metrics, api, functions, database);
    if (config.wafEnabled()) {
      new WafConstruct(this, "Waf", new WafConstruct.Props(api.stage(), logs));
    }
    if (config.e2eRoleArn() != null && service.authorization() == AuthorizationType.IAM) {
      allowToInvoke(config.e2eRoleArn(), api);
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

  private void addMonitoring(
      StackConfig config,
      StackMetrics metrics,
      ApiConstruct api,
      FunctionsConstruct functions,
      DatabaseConstruct database) {
    String serviceName = config.service().serviceName();
    List<MonitoredTable> tables = MonitoredTable.of(database.tables());
    AlarmTopicConstruct topic =
        new AlarmTopicConstruct(
            this,
            "AlarmTopic",
            new AlarmTopicConstruct.Props(
                serviceName, config.alarmEmail(), config.environment().removalPolicy()));
    new DashboardsConstruct(
        this,
        "Dashboards",
        new DashboardsConstruct.Props(
            metrics, api.api(), functions.all(), tables, AlarmThresholds.DEFAULTS.period()));
    new AlarmsConstruct(
        this,
        "Alarms",
        new AlarmsConstruct.Props(
            metrics, api.api(), functions.all(), tables, AlarmThresholds.DEFAULTS, topic.topic()));
  }

  // The pipeline's end-to-end tests sign with the deploy role, which may do nothing else: it may
  // call this stack's API, and no other.
  private void allowToInvoke(String roleArn, ApiConstruct api) {
    Policy.Builder.create(this, "E2eInvoke")
        .roles(
            List.of(
                Role.fromRoleArn(
                    this, "E2eRole", roleArn, FromRoleArnOptions.builder().mutable(true).build())))
        .statements(
            List.of(
                PolicyStatement.Builder.create()
                    .actions(List.of("execute-api:Invoke"))
                    .resources(List.of(api.api().arnForExecuteApi()))
                    .build()))
        .build();
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
