package ${package}.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.Unit;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;
import software.amazon.awscdk.services.dynamodb.SystemErrorsForOperationsMetricOptions;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

import ${package}.handlers.BusinessMetrics;

/**
 * Operability: an encrypted alarm topic, a high-level dashboard (API traffic, errors, latency,
 * business metrics), a low-level one (functions and tables) and alarms that notify the topic.
 */
public class MonitoringConstruct extends Construct {

  /** Metric (in the service namespace) counting ERROR log lines of all functions. */
  public static final String ERROR_LOG_LINES_METRIC = "ErrorLogLines";

  private static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
  private static final List<Operation> TABLE_OPERATIONS =
      List.of(Operation.GET_ITEM, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM);

  /**
   * @param serviceName the metrics namespace and Powertools service dimension
   * @param api the REST API
   * @param functions the functions to watch
   * @param tables the tables to watch, in dashboard order
   * @param thresholds alarm thresholds
   * @param alarmEmail address subscribed to the alarm topic, or null for none
   * @param removalPolicy what stack deletion does to the topic's key
   */
  public record Props(
      String serviceName,
      RestApi api,
      List<ServiceFunction> functions,
      List<MonitoredTable> tables,
      AlarmThresholds thresholds,
      String alarmEmail,
      RemovalPolicy removalPolicy) {}

  /**
   * A table to watch.
   *
   * @param label short name used in dashboards and alarm names, e.g. {@code Orders}
   */
  public record MonitoredTable(String label, ITable table) {}

  private final Props props;
  private final Topic alarmTopic;
  private final Dashboard highLevelDashboard;
  private final Dashboard lowLevelDashboard;
  private final List<Alarm> alarms = new ArrayList<>();

  /** Creates the topic, the dashboards and the alarms. */
  public MonitoringConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    this.props = props;
    alarmTopic = createAlarmTopic();
    String stackName = Stack.of(this).getStackName();
    highLevelDashboard =
        Dashboard.Builder.create(this, "HighLevelDashboard")
            .dashboardName(stackName + "-high-level")
            .widgets(highLevelWidgets())
            .build();
    lowLevelDashboard =
        Dashboard.Builder.create(this, "LowLevelDashboard")
            .dashboardName(stackName + "-low-level")
            .widgets(lowLevelWidgets())
            .build();
    addAlarms();
  }

  private Topic createAlarmTopic() {
    Key key =
        Key.Builder.create(this, "AlarmTopicKey")
            .description("Encrypts the alarm topic of " + props.serviceName())
            .enableKeyRotation(true)
            .removalPolicy(props.removalPolicy())
            .build();
    // CloudWatch encrypts each alarm notification with this key before publishing.
    key.grant(new ServicePrincipal(CLOUDWATCH), "kms:Decrypt", "kms:GenerateDataKey*");
    Topic topic =
        Topic.Builder.create(this, "AlarmTopic")
            .displayName(props.serviceName() + " alarms")
            .masterKey(key)
            .enforceSsl(true)
            .build();
    topic.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("AllowCloudWatchAlarms")
            .effect(Effect.ALLOW)
            .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
            .actions(List.of("sns:Publish"))
            .resources(List.of(topic.getTopicArn()))
            .conditions(
                Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
            .build());
    if (props.alarmEmail() != null && !props.alarmEmail().isBlank()) {
      topic.addSubscription(new EmailSubscription(props.alarmEmail()));
    }
    return topic;
  }

  private List<List<IWidget>> highLevelWidgets() {
    RestApi api = props.api();
    Duration period = props.thresholds().period();
    List<IWidget> traffic =
        List.of(
            GraphWidget.Builder.create()
                .title("API requests")
                .left(List.of(api.metricCount(options("Sum", period))))
                .width(8)
                .build(),
            GraphWidget.Builder.create()
                .title("API error rates (%)")
                .left(
                    List.of(
                        percent("4xx", api.metricClientError(options("Average", period))),
                        percent("5xx", api.metricServerError(options("Average", period)))))
                .width(8)
                .build(),
            GraphWidget.Builder.create()
                .title("API latency (ms)")
                .left(
                    List.of(
                        api.metricLatency(options("p50", period)),
                        api.metricLatency(options("p90", period)),
                        api.metricLatency(options("p99", period))))
                .width(8)
                .build());
    List<IWidget> business =
        List.of(
            GraphWidget.Builder.create()
                .title("Orders per day")
                .left(
                    List.of(
                        businessMetric(BusinessMetrics.ORDERS_CREATED),
                        businessMetric(BusinessMetrics.ORDERS_RETRIEVED),
                        businessMetric(BusinessMetrics.ORDERS_DELETED)))
                .width(24)
                .build());
    return List.of(traffic, business);
  }

  private List<List<IWidget>> lowLevelWidgets() {
    Duration period = props.thresholds().period();
    List<List<IWidget>> rows = new ArrayList<>();
    for (ServiceFunction fn : props.functions()) {
      MetricFilter initDuration =
          durationFilter(fn, "InitDuration", "$.record.metrics.initDurationMs");
      MetricFilter restoreDuration =
          durationFilter(fn, "RestoreDuration", "$.record.metrics.restoreDurationMs");
      rows.add(
          List.of(
              TextWidget.Builder.create().markdown("**" + fn.label() + "**").width(24).build()));
      rows.add(
          List.of(
              GraphWidget.Builder.create()
                  .title(fn.label() + " invocations, errors, throttles")
                  .left(
                      List.of(
                          fn.function().metricInvocations(options("Sum", period)),
                          fn.function().metricErrors(options("Sum", period)),
                          fn.function().metricThrottles(options("Sum", period))))
                  .width(6)
                  .build(),
              GraphWidget.Builder.create()
                  .title(fn.label() + " duration (ms)")
                  .left(
                      List.of(
                          fn.function().metricDuration(options("p90", period)),
                          fn.function().metricDuration(options("p99", period))))
                  .width(6)
                  .build(),
              GraphWidget.Builder.create()
                  .title(fn.label() + " concurrent executions")
                  .left(
                      List.of(
                          fn.function().metric("ConcurrentExecutions", options("Maximum", period))))
                  .width(6)
                  .build(),
              GraphWidget.Builder.create()
                  .title(fn.label() + " cold start: init / SnapStart restore (ms)")
                  .left(
                      List.of(
                          initDuration.metric(options("Maximum", period)),
                          restoreDuration.metric(options("Maximum", period))))
                  .width(6)
                  .build()));
    }
    for (MonitoredTable monitored : props.tables()) {
      String label = monitored.label();
      ITable table = monitored.table();
      rows.add(
          List.of(
              GraphWidget.Builder.create()
                  .title(label + " table consumed capacity")
                  .left(
                      List.of(
                          table.metricConsumedReadCapacityUnits(options("Sum", period)),
                          table.metricConsumedWriteCapacityUnits(options("Sum", period))))
                  .width(8)
                  .build(),
              GraphWidget.Builder.create()
                  .title(label + " table throttled requests")
                  .left(List.of(tableThrottles(table)))
                  .width(8)
                  .build(),
              GraphWidget.Builder.create()
                  .title(label + " table system errors")
                  .left(
                      List.of(
                          table.metricSystemErrorsForOperations(
                              SystemErrorsForOperationsMetricOptions.builder()
                                  .operations(TABLE_OPERATIONS)
                                  .period(period)
                                  .build())))
                  .width(8)
                  .build()));
    }
    return rows;
  }

  private void addAlarms() {
    AlarmThresholds thresholds = props.thresholds();
    Duration period = thresholds.period();
    alarm(
        "Api5xxRate",
        "More than " + thresholds.api5xxRate() * 100 + "% of API requests failed with a 5xx",
        props.api().metricServerError(options("Average", period)),
        thresholds.api5xxRate(),
        ComparisonOperator.GREATER_THAN_THRESHOLD);

    for (ServiceFunction fn : props.functions()) {
      alarm(
          fn.label() + "Errors",
          fn.label() + " invocations failed (uncaught exception, timeout or crash)",
          fn.function().metricErrors(options("Sum", period)),
          thresholds.functionErrors(),
          ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
      double durationLimit =
          fn.timeout().toMilliseconds().doubleValue() * thresholds.durationShareOfTimeout();
      alarm(
          fn.label() + "Duration",
          fn.label() + " p90 duration is above " + (long) durationLimit + " ms, near its timeout",
          fn.function().metricDuration(options("p90", period)),
          durationLimit,
          ComparisonOperator.GREATER_THAN_THRESHOLD);
      alarm(
          fn.label() + "Throttles",
          fn.label() + " invocations were throttled (concurrency limit reached)",
          fn.function().metricThrottles(options("Sum", period)),
          thresholds.functionThrottles(),
          ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
      MetricFilter.Builder.create(this, fn.label() + "ErrorLogLines")
          .logGroup(fn.logGroup())
          .filterPattern(FilterPattern.stringValue("$.level", "=", "ERROR"))
          .metricNamespace(props.serviceName())
          .metricName(ERROR_LOG_LINES_METRIC)
          .metricValue("1")
          .build();
    }
    alarm(
        "ErrorLogLines",
        "The functions logged lines at level ERROR",
        Metric.Builder.create()
            .namespace(props.serviceName())
            .metricName(ERROR_LOG_LINES_METRIC)
            .statistic("Sum")
            .period(period)
            .build(),
        thresholds.errorLogLines(),
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);

    for (MonitoredTable monitored : props.tables()) {
      alarm(
          monitored.label() + "TableThrottles",
          "DynamoDB throttled requests to the " + monitored.label() + " table",
          tableThrottles(monitored.table()),
          thresholds.tableThrottles(),
          ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
    }
  }

  private void alarm(
      String id,
      String description,
      IMetric metric,
      double threshold,
      ComparisonOperator comparison) {
    Alarm alarm =
        Alarm.Builder.create(this, id + "Alarm")
            .metric(metric)
            .alarmDescription(description + ". See docs/monitoring.md.")
            .threshold(threshold)
            .comparisonOperator(comparison)
            .evaluationPeriods(1)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    SnsAction action = new SnsAction(alarmTopic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    alarms.add(alarm);
  }

  private MetricFilter durationFilter(ServiceFunction fn, String name, String field) {
    return MetricFilter.Builder.create(this, fn.label() + name)
        .logGroup(fn.logGroup())
        .filterPattern(
            FilterPattern.all(
                FilterPattern.stringValue("$.type", "=", "platform.report"),
                FilterPattern.numberValue(field, ">", 0)))
        .metricNamespace(props.serviceName())
        .metricName(fn.label() + name)
        .metricValue(field)
        .unit(Unit.MILLISECONDS)
        .build();
  }

  private IMetric tableThrottles(ITable table) {
    return table.metricThrottledRequestsForOperations(
        OperationsMetricOptions.builder()
            .operations(TABLE_OPERATIONS)
            .period(props.thresholds().period())
            .build());
  }

  private Metric businessMetric(String name) {
    return Metric.Builder.create()
        .namespace(props.serviceName())
        .metricName(name)
        .dimensionsMap(Map.of("Service", props.serviceName()))
        .statistic("Sum")
        .period(Duration.days(1))
        .build();
  }

  private static MathExpression percent(String label, Metric rate) {
    String id = "rate" + label;
    return MathExpression.Builder.create()
        .label(label)
        .expression("100 * " + id)
        .usingMetrics(Map.of(id, rate))
        .build();
  }

  private static MetricOptions options(String statistic, Duration period) {
    return MetricOptions.builder().statistic(statistic).period(period).build();
  }

  /** The topic every alarm notifies. */
  public Topic alarmTopic() {
    return alarmTopic;
  }

  /** The dashboard of API traffic, errors, latency and business metrics. */
  public Dashboard highLevelDashboard() {
    return highLevelDashboard;
  }

  /** The dashboard of per-function and per-table metrics. */
  public Dashboard lowLevelDashboard() {
    return lowLevelDashboard;
  }

  /** Every alarm, each notifying the topic. */
  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }
}
