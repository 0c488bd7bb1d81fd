package ${package}.infra.constructs;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.dynamodb.OperationsMetricOptions;

/** Metric settings that dashboards and alarms share, so both look at the same series. */
final class MonitoringMetrics {

  private MonitoringMetrics() {}

  /** A statistic over a period. */
  static MetricOptions options(String statistic, Duration period) {
    return MetricOptions.builder().statistic(statistic).period(period).build();
  }

  /** Requests to the table that DynamoDB throttled, over every operation the routes call. */
  static IMetric tableThrottles(MonitoredTable monitored, Duration period) {
    return monitored
        .table()
        .metricThrottledRequestsForOperations(
            OperationsMetricOptions.builder()
                .operations(monitored.operations())
                .period(period)
                .build());
  }

  /** Read and write events that DynamoDB throttled on one global secondary index. */
  static IMetric indexThrottles(MonitoredTable monitored, String index, Duration period) {
    MetricOptions options =
        MetricOptions.builder()
            .statistic("Sum")
            .period(period)
            .dimensionsMap(
                Map.of(
                    "TableName",
                    monitored.table().getTableName(),
                    "GlobalSecondaryIndexName",
                    index))
            .build();
    // Ids are unique within a graph, which shows every index of a table.
    String suffix = index.replaceAll("[^A-Za-z0-9]", "_");
    return MathExpression.Builder.create()
        .expression("FILL(reads_" + suffix + ", 0) + FILL(writes_" + suffix + ", 0)")
        .usingMetrics(
            Map.of(
                "reads_" + suffix, monitored.table().metric("ReadThrottleEvents", options),
                "writes_" + suffix, monitored.table().metric("WriteThrottleEvents", options)))
        .label(index + " index throttled events")
        .period(period)
        .build();
  }
}
