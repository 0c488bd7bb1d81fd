package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two callers of the local API, told apart by its {@value ApiClient#LOCAL_CALLER} header: each
 * sees, lists, changes and deletes only its own orders. A deployed API takes the caller from the
 * signature, and a pipeline run has one signer, so only {@code make e2e-local} runs this class.
 */
class LocalCallersE2E {

  private final ApiClient api = ApiClient.fromSystemProperty();
  // Fresh users per run: their lists hold only what this run created.
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final ApiClient alice = api.asLocalCaller("arn:aws:iam::111111111111:user/alice-" + run);
  private final ApiClient bob = api.asLocalCaller("arn:aws:iam::111111111111:user/bob-" + run);

  @Test
  void anotherCaller_getsA404ForReadAndDelete_andTheOwnerKeepsTheOrder() {
    // Given
    String id = alice.createOrder("Ada", 1);

    // When
    ApiResponse bobReads = bob.get(ApiClient.ORDERS + "/" + id);
    ApiResponse bobDeletes = bob.delete(ApiClient.ORDERS + "/" + id);

    // Then
    assertThat(bobReads.status()).isEqualTo(404);
    assertThat(bobDeletes.status()).isEqualTo(404);
    assertThat(alice.get(ApiClient.ORDERS + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void fortyFiveOrders_listInThreePagesNewestFirst_toTheirOwnerOnly() {
    // Given
    List<String> created = new ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      created.add(alice.createOrder("Ada", i));
    }

    // When
    List<JsonNode> pages = new ArrayList<>();
    String next = "";
    do {
      ApiResponse page = alice.get(ApiClient.ORDERS + "?limit=20" + next);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      pages.add(page.json());
      next =
          page.json().has("nextCursor")
              ? "&cursor=" + encoded(page.json().path("nextCursor").asText())
              : "";
    } while (!next.isEmpty());
    ApiResponse bobsList = bob.get(ApiClient.ORDERS);

    // Then
    assertThat(pages).extracting(page -> page.path("orders").size()).containsExactly(20, 20, 5);
    List<String> listed = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (JsonNode page : pages) {
      for (JsonNode order : page.path("orders")) {
        listed.add(order.path("id").asText());
        times.add(Instant.parse(order.path("createdAt").asText()));
      }
    }
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(bobsList.json().path("orders").size()).isZero();
  }

  @Test
  void aCursorOfOneCaller_usedByAnother_is422WithNoOrders() {
    // Given
    alice.createOrder("Ada", 1);
    alice.createOrder("Ada", 2);
    String cursor = alice.get(ApiClient.ORDERS + "?limit=1").json().path("nextCursor").asText();

    // When
    ApiResponse bobUsesIt = bob.get(ApiClient.ORDERS + "?cursor=" + encoded(cursor));

    // Then
    assertThat(bobUsesIt.status()).isEqualTo(422);
    assertThat(bobUsesIt.json().path("errors").findValuesAsText("field")).containsExactly("cursor");
    assertThat(bobUsesIt.json().has("orders")).isFalse();
  }

  @Test
  void theSameIdempotencyKey_fromTwoCallers_createsTwoOrders() {
    // Given
    String body = "{\"customerName\":\"Ada\",\"orderItemCount\":1}";
    Map<String, String> key = Map.of("Idempotency-Key", "key-" + run);

    // When
    String alicesOrder = alice.post(ApiClient.ORDERS, body, key).json().path("id").asText();
    String bobsOrder = bob.post(ApiClient.ORDERS, body, key).json().path("id").asText();

    // Then
    assertThat(alicesOrder).isNotEqualTo(bobsOrder);
    assertThat(alice.post(ApiClient.ORDERS, body, key).json().path("id").asText())
        .isEqualTo(alicesOrder);
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
