package ${package}.infra.constructs;

import static ${package}.infra.constructs.MonitoringMetrics.options;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

import ${package}.handlers.ProblemResponses;

/**
 * The alarms, each notifying the topic when it fires and when it recovers: the API's 5xx rate; per
 * function errors, p90 duration near the timeout and throttles; ERROR log lines of all functions;
 * requests that failed because a dependency did; per table throttled requests. docs/monitoring.md
 * says what to do when each fires.
 */
public class AlarmsConstruct extends Construct {

  /** Metric (in the stack's namespace) counting ERROR log lines of all functions. */
  public static final String ERROR_LOG_LINES_METRIC = "ErrorLogLines";

  /**
   * @param metrics the stack's own metrics namespace
   * @param api the REST API
   * @param functions the functions to watch
   * @param tables the tables to watch
   * @param thresholds alarm thresholds
   * @param topic the topic every alarm notifies
   */
  public record Props(
      StackMetrics metrics,
      RestApi api,
      List<ServiceFunction> functions,
      List<MonitoredTable> tables,
      AlarmThresholds thresholds,
      ITopic topic) {}

  private final Props props;
  private final List<Alarm> alarms = new ArrayList<>();

  /** Creates the alarms and the metric filter they need. */
  public AlarmsConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    this.props = props;
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
          .metricNamespace(props.metrics().namespace())
          .metricName(ERROR_LOG_LINES_METRIC)
          .metricValue("1")
          .build();
    }
    alarm(
        "ErrorLogLines",
        "The functions logged lines at level ERROR",
        props.metrics().logMetric(ERROR_LOG_LINES_METRIC, "Sum", period),
        thresholds.errorLogLines(),
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);

    alarm(
        "DependencyFailures",
        "Requests were answered 503: DynamoDB stalled, could not be reached or throttled",
        props.metrics().serviceMetric(ProblemResponses.DEPENDENCY_FAILURES_METRIC, "Sum", period),
        thresholds.dependencyFailures(),
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);

    for (MonitoredTable monitored : props.tables()) {
      alarm(
          monitored.label() + "TableThrottles",
          "DynamoDB throttled requests to the " + monitored.label() + " table",
          MonitoringMetrics.tableThrottles(monitored, period),
          thresholds.tableThrottles(),
          ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
      for (String index : monitored.indexes()) {
        alarm(
            monitored.label() + "Index" + capitalized(index) + "Throttles",
            "DynamoDB throttled reads or writes of the "
                + index
                + " index of the "
                + monitored.label()
                + " table",
            MonitoringMetrics.indexThrottles(monitored, index, period),
            thresholds.tableThrottles(),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
      }
    }
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
    SnsAction action = new SnsAction(props.topic());
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    alarms.add(alarm);
  }

  /** Every alarm, each notifying the topic. */
  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }
}
