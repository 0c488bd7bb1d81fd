package ${package}.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.infra.PolicyMatch.withStatements;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Runtime;

import ${package}.handlers.CreateOrderHandler;
import ${package}.handlers.Needs;
import ${package}.handlers.ProblemResponses;
import ${package}.handlers.Route;
import ${package}.handlers.TimeBudget;
import ${package}.infra.TestApps;

/** The alarm topic, dashboards and alarms together, watching one function, one table and an API. */
class MonitoringTest {

  private static final StackMetrics METRICS = new StackMetrics("orders-dev", "orders");

  private static AlarmsConstruct alarms;
  private static Template template;
  private static String topicId;

  @BeforeAll
  static void synthesize() {
    Stack stack = TestApps.bareStack();
    RestApi api = RestApi.Builder.create(stack, "Api").build();
    api.getRoot().addMethod("GET", MockIntegration.Builder.create().build());
    ServiceFunction function =
        new FunctionFactory(
                Runtime.JAVA_21,
                Architecture.ARM_64,
                TestApps.placeholderCode(),
                new StackLogs(stack, "Logs", RemovalPolicy.DESTROY),
                METRICS)
            .create(stack, "CreateOrder", CreateOrderHandler.class, "test", Map.of());
    Table table =
        Table.Builder.create(stack, "Table")
            .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
            .build();
    List<MonitoredTable> tables =
        List.of(
            new MonitoredTable(
                "Orders", table, List.of(Operation.GET_ITEM, Operation.QUERY), List.of("byOwner")));
    AlarmTopicConstruct topic =
        new AlarmTopicConstruct(
            stack,
            "AlarmTopic",
            new AlarmTopicConstruct.Props("orders", "team@example.com", RemovalPolicy.DESTROY));
    new DashboardsConstruct(
        stack,
        "Dashboards",
        new DashboardsConstruct.Props(
            METRICS, api, List.of(function), tables, AlarmThresholds.DEFAULTS.period()));
    alarms =
        new AlarmsConstruct(
            stack,
            "Alarms",
            new AlarmsConstruct.Props(
                METRICS, api, List.of(function), tables, AlarmThresholds.DEFAULTS, topic.topic()));
    template = Template.fromStack(stack);
    topicId = stack.getLogicalId((CfnElement) topic.topic().getNode().getDefaultChild());
  }

  @Test
  void topic_isEncryptedWithARotatingCustomerManagedKey() {
    // Then
    template.hasResourceProperties(
        "AWS::SNS::Topic",
        Match.objectLike(
            Map.of("KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.anyValue(), "Arn")))));
    template.hasResourceProperties(
        "AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
  }

  @Test
  void keyPolicy_letsCloudWatchEncryptNotifications() {
    // Then
    template.hasResourceProperties(
        "AWS::KMS::Key",
        Match.objectLike(
            Map.of(
                "KeyPolicy",
                withStatements(
                    Map.of(
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"))))));
  }

  @Test
  void topicPolicy_allowsCloudWatchAndDeniesPlainHttp() {
    // Then
    template.hasResourceProperties(
        "AWS::SNS::TopicPolicy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                withStatements(
                    Map.of(
                        "Effect",
                        "Deny",
                        "Condition",
                        Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                    Map.of(
                        "Effect", "Allow",
                        "Action", "sns:Publish",
                        "Principal", Map.of("Service", "cloudwatch.amazonaws.com"))))));
  }

  @Test
  void alarms_allNotifyTheTopicOnAlarmAndOnRecovery() {
    // Then: API 5xx, ERROR lines and dependency failures; errors, duration, throttles of the
    // function; table throttles; index throttles
    assertThat(alarms.alarms()).hasSize(3 + 3 + 1 + 1);
    template.resourceCountIs("AWS::CloudWatch::Alarm", 3 + 3 + 1 + 1);
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(
            Map.of(
                "AlarmActions", List.of(Map.of("Ref", topicId)),
                "OKActions", List.of(Map.of("Ref", topicId)),
                "TreatMissingData", "notBreaching")));
  }

  @Test
  void tableThrottles_sumOverEveryOperationTheRoutesCall_QueryIncluded() {
    String alarms = template.findResources("AWS::CloudWatch::Alarm").toString();

    assertThat(alarms)
        .contains("Name=Operation, Value=GetItem", "Name=Operation, Value=Query")
        .doesNotContain("PutItem");
  }

  @Test
  void eachIndex_hasAThrottleAlarmOnItsReadsAndWrites() {
    String indexAlarm =
        template
            .findResources(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(
                    Map.of(
                        "Properties",
                        Match.objectLike(
                            Map.of(
                                "AlarmDescription", Match.stringLikeRegexp(".*byOwner index.*"))))))
            .toString();

    assertThat(indexAlarm)
        .contains(
            "ReadThrottleEvents",
            "WriteThrottleEvents",
            "Name=GlobalSecondaryIndexName, Value=byOwner");
  }

  @Test
  void monitoredTables_watchWhatTheRouteTableDoes() {
    assertThat(MonitoredTable.operationsOn(Needs.Table.ORDERS))
        .contains(Operation.PUT_ITEM, Operation.GET_ITEM, Operation.DELETE_ITEM, Operation.QUERY);
    assertThat(MonitoredTable.operationsOn(Needs.Table.IDEMPOTENCY))
        .doesNotContain(Operation.QUERY);
  }

  @Test
  void durationAlarm_firesAtEightyPercentOfTheTimeout() {
    // Then
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(
            Map.of(
                "MetricName", "Duration",
                "ExtendedStatistic", "p90",
                "Threshold", TimeBudget.FUNCTION_TIMEOUT.toMillis() * 8 / 10,
                "ComparisonOperator", "GreaterThanThreshold")));
  }

  @Test
  void dependencyFailures_fireOnTheFirst503OfTheHandlers() {
    // Then: the metric the handlers count, in the stack's namespace with their service dimension
    template.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(
            Map.of(
                "Namespace",
                METRICS.namespace(),
                "MetricName",
                ProblemResponses.DEPENDENCY_FAILURES_METRIC,
                "Dimensions",
                List.of(Map.of("Name", "Service", "Value", METRICS.serviceName())),
                "Statistic",
                "Sum",
                "Threshold",
                1,
                "ComparisonOperator",
                "GreaterThanOrEqualToThreshold")));
  }

  @Test
  void errorLogLines_areCountedFromJsonLogs() {
    // Then
    template.hasResourceProperties(
        "AWS::Logs::MetricFilter",
        Match.objectLike(
            Map.of(
                "FilterPattern",
                "{ $.level = \"ERROR\" }",
                "MetricTransformations",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "MetricNamespace",
                            METRICS.namespace(),
                            "MetricName",
                            AlarmsConstruct.ERROR_LOG_LINES_METRIC))))));
  }

  @Test
  void dashboards_showApiBusinessAndLowLevelMetrics() {
    // Given
    Capture highLevel = new Capture();

    // Then
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 2);
    template.hasResourceProperties(
        "AWS::CloudWatch::Dashboard",
        Match.objectLike(
            Map.of("DashboardName", "TestStack-high-level", "DashboardBody", highLevel)));
    String body = highLevel.asObject().toString();
    assertThat(body)
        .contains("5XXError", "4XXError", "p99", "Latency")
        .contains(Arrays.stream(Route.values()).map(Route::businessMetric).toList());
    template.hasResourceProperties(
        "AWS::CloudWatch::Dashboard",
        Match.objectLike(Map.of("DashboardName", "TestStack-low-level")));
  }

  @Test
  void email_isSubscribedToTheTopic() {
    // Then
    template.hasResourceProperties(
        "AWS::SNS::Subscription",
        Match.objectLike(Map.of("Protocol", "email", "Endpoint", "team@example.com")));
  }
}
