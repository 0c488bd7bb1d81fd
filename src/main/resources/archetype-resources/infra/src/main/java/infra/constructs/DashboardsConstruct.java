package ${package}.infra.constructs;

import static ${package}.infra.constructs.MonitoringMetrics.indexThrottles;
import static ${package}.infra.constructs.MonitoringMetrics.options;
import static ${package}.infra.constructs.MonitoringMetrics.tableThrottles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.Unit;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.SystemErrorsForOperationsMetricOptions;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

import ${package}.handlers.Route;

/**
 * Two dashboards: a high-level one (API traffic, errors, latency and each route's business metric)
 * and a low-level one (each function: invocations, errors, duration, concurrency, cold starts; each
 * table: capacity, throttles, system errors).
 */
public class DashboardsConstruct extends Construct {

  /**
   * @param metrics the stack's own metrics namespace and Powertools service dimension
   * @param api the REST API
   * @param functions the functions to show, one row each
   * @param tables the tables to show, one row each
   * @param period the period of each graph
   */
  public record Props(
      StackMetrics metrics,
      RestApi api,
      List<ServiceFunction> functions,
      List<MonitoredTable> tables,
      Duration period) {}

  private final Props props;
  private final Dashboard highLevel;
  private final Dashboard lowLevel;

  /** Creates both dashboards, named after the stack. */
  public DashboardsConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    this.props = props;
    String stackName = Stack.of(this).getStackName();
    highLevel =
        Dashboard.Builder.create(this, "HighLevelDashboard")
            .dashboardName(stackName + "-high-level")
            .widgets(highLevelWidgets())
            .build();
    lowLevel =
        Dashboard.Builder.create(this, "LowLevelDashboard")
            .dashboardName(stackName + "-low-level")
            .widgets(lowLevelWidgets())
            .build();
  }

  private List<List<IWidget>> highLevelWidgets() {
    RestApi api = props.api();
    Duration period = props.period();
    List<IWidget> traffic =
        List.of(
            graph("API requests", 8, api.metricCount(options("Sum", period))),
            graph(
                "API error rates (%)",
                8,
                percent("4xx", api.metricClientError(options("Average", period))),
                percent("5xx", api.metricServerError(options("Average", period)))),
            graph(
                "API latency (ms)",
                8,
                api.metricLatency(options("p50", period)),
                api.metricLatency(options("p90", period)),
                api.metricLatency(options("p99", period))));
    IWidget business =
        graph(
            "Business metrics per day",
            24,
            Arrays.stream(Route.values())
                .map(
                    route ->
                        props
                            .metrics()
                            .serviceMetric(route.businessMetric(), "Sum", Duration.days(1)))
                .toArray(IMetric[]::new));
    return List.of(traffic, List.of(business));
  }

  private List<List<IWidget>> lowLevelWidgets() {
    Duration period = props.period();
    List<List<IWidget>> rows = new ArrayList<>();
    for (ServiceFunction fn : props.functions()) {
      MetricFilter init = durationFilter(fn, "InitDuration", "$.record.metrics.initDurationMs");
      MetricFilter restore =
          durationFilter(fn, "RestoreDuration", "$.record.metrics.restoreDurationMs");
      rows.add(
          List.of(
              TextWidget.Builder.create().markdown("**" + fn.label() + "**").width(24).build()));
      rows.add(
          List.of(
              graph(
                  fn.label() + " invocations, errors, throttles",
                  6,
                  fn.function().metricInvocations(options("Sum", period)),
                  fn.function().metricErrors(options("Sum", period)),
                  fn.function().metricThrottles(options("Sum", period))),
              graph(
                  fn.label() + " duration (ms)",
                  6,
                  fn.function().metricDuration(options("p90", period)),
                  fn.function().metricDuration(options("p99", period))),
              graph(
                  fn.label() + " concurrent executions",
                  6,
                  fn.function().metric("ConcurrentExecutions", options("Maximum", period))),
              graph(
                  fn.label() + " cold start: init / SnapStart restore (ms)",
                  6,
                  init.metric(options("Maximum", period)),
                  restore.metric(options("Maximum", period)))));
    }
    for (MonitoredTable monitored : props.tables()) {
      String label = monitored.label();
      ITable table = monitored.table();
      List<IMetric> throttles = new ArrayList<>(List.of(tableThrottles(monitored, period)));
      monitored.indexes().forEach(index -> throttles.add(indexThrottles(monitored, index, period)));
      rows.add(
          List.of(
              graph(
                  label + " table consumed capacity",
                  8,
                  table.metricConsumedReadCapacityUnits(options("Sum", period)),
                  table.metricConsumedWriteCapacityUnits(options("Sum", period))),
              graph(
                  label + " table and index throttled requests",
                  8,
                  throttles.toArray(IMetric[]::new)),
              graph(
                  label + " table system errors",
                  8,
                  table.metricSystemErrorsForOperations(
                      SystemErrorsForOperationsMetricOptions.builder()
                          .operations(monitored.operations())
                          .period(period)
                          .build()))));
    }
    return rows;
  }

  private MetricFilter durationFilter(ServiceFunction fn, String name, String field) {
    return MetricFilter.Builder.create(this, fn.label() + name)
        .logGroup(fn.logGroup())
        .filterPattern(
            FilterPattern.all(
                FilterPattern.stringValue("$.type", "=", "platform.report"),
                FilterPattern.numberValue(field, ">", 0)))
        .metricNamespace(props.metrics().namespace())
        .metricName(fn.label() + name)
        .metricValue(field)
        .unit(Unit.MILLISECONDS)
        .build();
  }

  private static GraphWidget graph(String title, int width, IMetric... metrics) {
    return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(width).build();
  }

  private static MathExpression percent(String label, Metric rate) {
    String id = "rate" + label;
    return MathExpression.Builder.create()
        .label(label)
        .expression("100 * " + id)
        .usingMetrics(Map.of(id, rate))
        .build();
  }

  /** The dashboard of API traffic, errors, latency and business metrics. */
  public Dashboard highLevel() {
    return highLevel;
  }

  /** The dashboard of per-function and per-table metrics. */
  public Dashboard lowLevel() {
    return lowLevel;
  }
}
