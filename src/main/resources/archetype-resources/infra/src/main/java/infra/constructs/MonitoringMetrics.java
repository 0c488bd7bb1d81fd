package ${package}.infra.constructs;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Operation;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;

/** Metric settings that dashboards and alarms share, so both look at the same series. */
final class MonitoringMetrics {

  /** The table operations the functions call: what throttles and system errors are summed over. */
  static final List<Operation> TABLE_OPERATIONS =
      List.of(Operation.GET_ITEM, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM);

  private MonitoringMetrics() {}

  /** A statistic over a period. */
  static MetricOptions options(String statistic, Duration period) {
    return MetricOptions.builder().statistic(statistic).period(period).build();
  }

  /** Requests to the table that DynamoDB throttled, over every operation the service calls. */
  static IMetric tableThrottles(ITable table, Duration period) {
    return table.metricThrottledRequestsForOperations(
        OperationsMetricOptions.builder().operations(TABLE_OPERATIONS).period(period).build());
  }
}
