package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client errors: each is a problem document with the right status, never a 5xx. */
class ErrorsE2E {

  private final ApiClient api = ApiClient.fromSystemProperty();

  @Test
  void createOrder_everyFieldBroken_listsOneErrorPerField() {
    // When
    ApiResponse rejected =
        api.post(ApiClient.ORDERS, "{\"customerName\":\"\",\"orderItemCount\":0}");

    // Then
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
    assertThat(fields(rejected.json())).containsExactlyInAnyOrder("customerName", "orderItemCount");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"customerName\":\"Ada\",\"orderItemCount\":2.5}",
        "{\"customerName\":\"Ada\",\"orderItemCount\":\"3\"}",
        "{\"customerName\":\"Ada\"}",
        "{\"customerName\":\"a name longer than twenty\",\"orderItemCount\":1}"
      })
  void createOrder_oneFieldBroken_isUnprocessableForThatField(String body) {
    // When
    ApiResponse rejected = api.post(ApiClient.ORDERS, body);

    // Then
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(fields(rejected.json())).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"customerName\":", "not json", "[1, 2]", "\"text\"", "{} {}"})
  void createOrder_malformedBody_isBadRequest(String body) {
    // When
    ApiResponse rejected = api.post(ApiClient.ORDERS, body);

    // Then
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void createOrder_noBody_isBadRequest() {
    // When
    ApiResponse rejected = api.send("POST", ApiClient.ORDERS, null, Map.of());

    // Then
    assertThat(rejected.status()).isEqualTo(400);
  }

  @Test
  void wrongMethod_isMethodNotAllowedWithAllowHeader() {
    // When
    ApiResponse onCollection = api.send("PUT", ApiClient.ORDERS, "{}", Map.of());
    ApiResponse onItem =
        api.send("PUT", ApiClient.ORDERS + "/" + UUID.randomUUID(), "{}", Map.of());

    // Then
    assertThat(onCollection.status()).isEqualTo(405);
    ApiContract contract = ApiContract.load();
    assertThat(onCollection.header("Allow").split(", "))
        .containsExactlyInAnyOrderElementsOf(contract.methodsOf(ApiClient.ORDERS));
    assertThat(onItem.status()).isEqualTo(405);
    assertThat(onItem.header("Allow").split(", "))
        .containsExactlyInAnyOrderElementsOf(contract.methodsOf(ApiClient.ORDERS + "/{id}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/customers", "/api", "/api/orders/x/items", "/"})
  void unknownRoute_isNotFoundProblem(String path) {
    // When
    ApiResponse missing = api.get(path);

    // Then
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/orders", "/api/customers"})
  void unsignedRequest_toAnApiThatRequiresSignatures_isUnauthorizedProblem(String path) {
    // Given
    assumeTrue(api.signs(), "the API under test takes unsigned requests (-De2e.auth=none)");

    // When: a real route and an unknown path alike, so that no route is given away
    ApiResponse refused =
        api.unsigned().post(path, "{\"customerName\":\"Ada\",\"orderItemCount\":1}", Map.of());

    // Then
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("AWS4-HMAC-SHA256");
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }
}
