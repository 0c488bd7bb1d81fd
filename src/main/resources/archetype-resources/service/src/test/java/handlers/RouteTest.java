package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.lambda.powertools.metrics.Metrics;

import ${package}.dal.InMemoryOrderRepository;
import ${package}.logic.FeatureFlags;

/**
 * The route table: its handlers can be built, and api/openapi.yaml documents exactly its routes.
 */
class RouteTest {

  private static final Path CONTRACT = Path.of("..", "api", "openapi.yaml");
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @ParameterizedTest
  @EnumSource(Route.class)
  void everyRoute_hasAHandlerBuiltFromDependencies(Route route) {
    // When
    RouteHandler handler =
        HandlerFactory.instantiate(
            route,
            InMemoryDependencies.of(
                new InMemoryOrderRepository(), FeatureFlags.allOff(), mock(Metrics.class)));

    // Then
    assertThat(handler).isExactlyInstanceOf(route.handler());
  }

  @Test
  void theContract_documentsEveryRouteAndNothingElse() throws IOException {
    // Given
    JsonNode paths = new YAMLMapper().readTree(CONTRACT.toFile()).path("paths");
    Set<String> documented = new TreeSet<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (HTTP_METHODS.contains(method)) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));

    // When
    Set<String> routed =
        Arrays.stream(Route.values())
            .map(route -> route.method() + " " + route.path())
            .collect(Collectors.toCollection(TreeSet::new));

    // Then
    assertThat(documented)
        .as("operations of %s against the routes of the Route table", CONTRACT)
        .isEqualTo(routed);
  }

  @Test
  void theContract_promisesEveryOperationA503WithRetryAfter() throws IOException {
    // Given: every route reaches DynamoDB, so every one can find it unavailable
    JsonNode contract = new YAMLMapper().readTree(CONTRACT.toFile());
    Set<String> without503 = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : contract.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String reference = operation.getValue().at("/responses/503/$ref").asText();
        if (HTTP_METHODS.contains(operation.getKey())
            && !reference.endsWith("/DependencyUnavailable")) {
          without503.add(operation.getKey() + " " + path.getKey());
        }
      }
    }

    // Then
    assertThat(without503).as("operations without the 503 response").isEmpty();
    assertThat(
            contract
                .at("/components/responses/DependencyUnavailable/headers/Retry-After/required")
                .asBoolean())
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void exampleQuery_isTheQueryOfTheOperationsExamples(Route route) throws IOException {
    // Given: the examples of the operation's query parameters, in the contract's order
    JsonNode contract = new YAMLMapper().readTree(CONTRACT.toFile());
    JsonNode operation =
        contract.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
    List<String> pairs = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      JsonNode resolved =
          parameter.has("$ref")
              ? contract.at(parameter.path("$ref").asText().substring(1))
              : parameter;
      if ("query".equals(resolved.path("in").asText()) && resolved.has("example")) {
        pairs.add(
            URLEncoder.encode(resolved.path("name").asText(), StandardCharsets.UTF_8)
                + "="
                + URLEncoder.encode(resolved.path("example").asText(), StandardCharsets.UTF_8));
      }
    }

    // Then
    assertThat(route.exampleQuery())
        .as("Route.%s's example query against the examples of %s", route, CONTRACT)
        .isEqualTo(String.join("&", pairs));
  }

  @Test
  void aTableAccess_toAnIndexTheTableDoesNotDeclare_isRefused() {
    assertThatThrownBy(
            () ->
                new Needs.TableAccess(
                    Needs.Table.IDEMPOTENCY, List.of(Needs.Action.QUERY), List.of("byOwner")))
        .hasMessageContaining("declares no index byOwner");
    assertThatThrownBy(
            () ->
                new Needs.TableAccess(
                    Needs.Table.ORDERS, List.of(Needs.Action.GET_ITEM), List.of("byOwner")))
        .hasMessageContaining("only be queried");
  }

  @Test
  void functionName_isTheConstantInPascalCase() {
    assertThat(Route.CREATE_ORDER.functionName()).isEqualTo("CreateOrder");
    assertThat(Route.DELETE_ORDER.functionName()).isEqualTo("DeleteOrder");
  }

  @Test
  void methodsOf_listsThePathsMethodsInTableOrder() {
    assertThat(Route.methodsOf("/api/orders")).startsWith("POST", "GET");
    assertThat(Route.methodsOf("/api/orders/{id}")).startsWith("GET", "DELETE");
    assertThat(Route.methodsOf("/nowhere")).isEmpty();
    assertThat(Route.paths())
        .containsSubsequence("/api/orders", "/api/orders/{id}")
        .doesNotHaveDuplicates();
  }
}
