package ${package}.infra.constructs;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * Where one stack's own metrics live: the Powertools metrics of its functions and the metrics its
 * log filters count all go to a CloudWatch namespace of the stack alone, so the alarms and
 * dashboards of two stacks in one account (two pull requests, say) never see each other's series.
 * AWS's own metrics need nothing: they are keyed by the stack's API, functions and tables.
 *
 * @param namespace the stack's metrics namespace (the functions' POWERTOOLS_METRICS_NAMESPACE)
 * @param serviceName the Powertools service name, which Powertools adds as dimension {@code
 *     Service}
 */
public record StackMetrics(String namespace, String serviceName) {

  /** Dimension Powertools gives every metric it emits, valued with the service name. */
  public static final String SERVICE_DIMENSION = "Service";

  /** A metric the functions emit through Powertools, such as a route's business metric. */
  public Metric serviceMetric(String name, String statistic, Duration period) {
    return Metric.Builder.create()
        .namespace(namespace)
        .metricName(name)
        .dimensionsMap(Map.of(SERVICE_DIMENSION, serviceName))
        .statistic(statistic)
        .period(period)
        .build();
  }

  /** A metric one of the stack's log metric filters counts (they carry no dimension). */
  public Metric logMetric(String name, String statistic, Duration period) {
    return Metric.Builder.create()
        .namespace(namespace)
        .metricName(name)
        .statistic(statistic)
        .period(period)
        .build();
  }
}
