package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Create, read and delete flows of the orders API. */
class OrdersE2E {

  private final ApiClient api = ApiClient.fromSystemProperty();

  @Test
  void createOrder_returnsTheNewOrder() {
    // Given
    Instant before = Instant.now().minus(5, ChronoUnit.MINUTES);

    // When
    ApiResponse created =
        api.post(ApiClient.ORDERS, "{\"customerName\":\"Ada\",\"orderItemCount\":3}");

    // Then
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Content-Type")).startsWith("application/json");
    JsonNode order = created.json();
    assertThat(UUID.fromString(order.path("id").asText())).isNotNull();
    assertThat(order.path("customerName").asText()).isEqualTo("Ada");
    assertThat(order.path("orderItemCount").asInt()).isEqualTo(3);
    assertThat(Instant.parse(order.path("createdAt").asText())).isAfter(before);
  }

  @Test
  void getOrder_afterCreate_returnsTheSameOrder() {
    // Given
    ApiResponse created =
        api.post(ApiClient.ORDERS, "{\"customerName\":\"Grace\",\"orderItemCount\":1}");
    String id = created.json().path("id").asText();

    // When
    ApiResponse read = api.get(ApiClient.ORDERS + "/" + id);

    // Then
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(created.json());
  }

  @Test
  void deleteOrder_removesIt() {
    // Given
    String id = api.createOrder("Linus", 2);

    // When
    ApiResponse deleted = api.delete(ApiClient.ORDERS + "/" + id);

    // Then
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(api.get(ApiClient.ORDERS + "/" + id).status()).isEqualTo(404);
    assertThat(api.delete(ApiClient.ORDERS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void getOrder_unknownId_isNotFoundProblem() {
    // When
    ApiResponse missing = api.get(ApiClient.ORDERS + "/" + UUID.randomUUID());

    // Then
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.json().path("status").asInt()).isEqualTo(404);
  }

  @Test
  void getOrder_idThatIsNoUuid_isNotFound() {
    // When
    ApiResponse missing = api.get(ApiClient.ORDERS + "/not-an-order-id");

    // Then
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void deleteOrder_unknownId_isNotFound() {
    // When
    ApiResponse missing = api.delete(ApiClient.ORDERS + "/" + UUID.randomUUID());

    // Then
    assertThat(missing.status()).isEqualTo(404);
  }
}
