package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import ${package}.handlers.HandlerConfig;

/**
 * Two dev stacks of two branches, as two pull requests deploy them into one account: the alarms of
 * one never watch a series of the other, and each writes and reads its own metrics namespace.
 */
class StacksApartTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ServiceStack first;
  private static ServiceStack second;

  @BeforeAll
  static void synthesize() {
    first = TestApps.serviceStack(Map.of(StackConfig.BRANCH_KEY, "feature/first"));
    second = TestApps.serviceStack(Map.of(StackConfig.BRANCH_KEY, "feature/second"));
  }

  @Test
  void alarmsOfTwoBranchStacks_watchDifferentSeries() {
    // When
    Set<String> firstSeries = alarmSeries(first);
    Set<String> secondSeries = alarmSeries(second);

    // Then
    assertThat(firstSeries).isNotEmpty().hasSameSizeAs(secondSeries);
    assertThat(firstSeries).doesNotContainAnyElementsOf(secondSeries);
  }

  @Test
  void eachStack_writesAndReadsItsOwnMetricsNamespace() {
    for (ServiceStack stack : List.of(first, second)) {
      // Given
      Template template = Template.fromStack(stack);
      String namespace = stack.getStackName();

      // Then: Powertools in every function, every log metric filter, every dashboard
      template
          .findResources("AWS::Lambda::Function")
          .values()
          .forEach(
              function ->
                  assertThat(variables(function))
                      .containsEntry(HandlerConfig.POWERTOOLS_METRICS_NAMESPACE, namespace));
      template
          .findResources("AWS::Logs::MetricFilter")
          .values()
          .forEach(
              filter ->
                  assertThat(list(properties(filter).get("MetricTransformations")))
                      .allSatisfy(
                          metric ->
                              assertThat(metric).containsEntry("MetricNamespace", namespace)));
      template
          .findResources("AWS::CloudWatch::Dashboard")
          .values()
          .forEach(
              dashboard ->
                  assertThat(customNamespaces(properties(dashboard).get("DashboardBody")))
                      .isNotEmpty()
                      .containsOnly(namespace));
    }
  }

  /** The namespaces other than AWS's (AWS/...) that a dashboard's graphs read. */
  private static Set<String> customNamespaces(Object body) {
    // The body is an Fn::Join of JSON text around references, which sit inside JSON strings.
    List<?> join = (List<?>) ((Map<?, ?>) body).get("Fn::Join");
    StringBuilder json = new StringBuilder();
    for (Object part : (List<?>) join.get(1)) {
      json.append(part instanceof String text ? text : "reference");
    }
    JsonNode dashboard;
    try {
      dashboard = JSON.readTree(json.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Dashboard body is not JSON: " + json, e);
    }
    Set<String> namespaces = new TreeSet<>();
    for (JsonNode widget : dashboard.path("widgets")) {
      for (JsonNode metric : widget.path("properties").path("metrics")) {
        String namespace = metric.path(0).asText();
        if (metric.path(0).isTextual() && !namespace.startsWith("AWS/")) {
          namespaces.add(namespace);
        }
      }
    }
    return namespaces;
  }

  /**
   * What each alarm of the stack watches: namespace, metric and dimensions of each metric it reads
   * (one, or several in a metric math alarm). A reference to a resource names a resource of this
   * stack alone, so it is qualified with the stack name.
   */
  private static Set<String> alarmSeries(ServiceStack stack) {
    Set<String> series = new TreeSet<>();
    for (Map<String, Object> alarm :
        Template.fromStack(stack).findResources("AWS::CloudWatch::Alarm").values()) {
      Map<String, Object> properties = properties(alarm);
      Set<String> metrics = new TreeSet<>();
      if (properties.containsKey("MetricName")) {
        metrics.add(metric(stack, properties));
      }
      if (properties.get("Metrics") != null) {
        for (Map<String, Object> query : list(properties.get("Metrics"))) {
          if (query.get("MetricStat") instanceof Map<?, ?> stat) {
            metrics.add(metric(stack, (Map<?, ?>) stat.get("Metric")));
          }
        }
      }
      assertThat(metrics).as("metrics of %s", properties.get("AlarmDescription")).isNotEmpty();
      series.add(metrics.toString());
    }
    return series;
  }

  private static String metric(ServiceStack stack, Map<?, ?> metric) {
    Map<String, String> dimensions = new TreeMap<>();
    if (metric.get("Dimensions") instanceof List<?> pairs) {
      for (Object pair : pairs) {
        Map<?, ?> dimension = (Map<?, ?>) pair;
        dimensions.put(
            dimension.get("Name").toString(), qualified(stack, dimension.get("Value")).toString());
      }
    }
    return metric.get("Namespace") + " " + metric.get("MetricName") + " " + dimensions;
  }

  private static Object qualified(ServiceStack stack, Object value) {
    if (value instanceof Map<?, ?> intrinsic && !isPseudoParameter(intrinsic)) {
      return stack.getStackName() + ":" + intrinsic;
    }
    return value;
  }

  private static boolean isPseudoParameter(Map<?, ?> intrinsic) {
    return intrinsic.get("Ref") instanceof String ref && ref.startsWith("AWS::");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> function) {
    Map<String, Object> environment = (Map<String, Object>) properties(function).get("Environment");
    return (Map<String, Object>) environment.get("Variables");
  }
}
