package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Walks the API contract itself: every documented operation must be served, with the examples of
 * its query parameters and body, and answer one of its documented success statuses. A route removed
 * from the API, or added to the contract but not to the API, fails here.
 */
class ContractE2E {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiClient api = ApiClient.fromSystemProperty();

  @Test
  void everyDocumentedOperation_isServedWithADocumentedSuccess() throws Exception {
    // Given
    OpenAPI contract = ApiContract.load().document();
    List<String> failures = new ArrayList<>();

    // When
    int operations = 0;
    for (var path : contract.getPaths().entrySet()) {
      for (Map.Entry<HttpMethod, Operation> operation :
          path.getValue().readOperationsMap().entrySet()) {
        operations++;
        String concrete =
            path.getKey().replace("{id}", api.createOrder("Contract", 1))
                + exampleQuery(operation.getValue());
        String method = operation.getKey().name();
        ApiResponse response =
            api.send(method, concrete, exampleBody(operation.getValue()), Map.of());
        List<String> successes =
            operation.getValue().getResponses().keySet().stream()
                .filter(status -> status.startsWith("2"))
                .toList();
        if (!successes.contains(Integer.toString(response.status()))) {
          failures.add(
              method
                  + " "
                  + path.getKey()
                  + " answered "
                  + response.status()
                  + ", not "
                  + successes);
        }
      }
    }

    // Then
    assertThat(operations).isPositive();
    assertThat(failures).isEmpty();
  }

  /** The query string of the examples of the operation's query parameters, or none. */
  static String exampleQuery(Operation operation) {
    if (operation.getParameters() == null) {
      return "";
    }
    String query =
        operation.getParameters().stream()
            .filter(
                parameter -> "query".equals(parameter.getIn()) && parameter.getExample() != null)
            .map(
                parameter ->
                    URLEncoder.encode(parameter.getName(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(
                            String.valueOf(parameter.getExample()), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return query.isEmpty() ? "" : "?" + query;
  }

  /** The example of the operation's JSON request schema, or no body when it takes none. */
  private static String exampleBody(Operation operation) throws Exception {
    if (operation.getRequestBody() == null) {
      return null;
    }
    Object example =
        operation.getRequestBody().getContent().get("application/json").getSchema().getExample();
    return example == null ? null : JSON.writeValueAsString(example);
  }
}
