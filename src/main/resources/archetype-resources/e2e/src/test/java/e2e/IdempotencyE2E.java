package ${package}.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Creates with an Idempotency-Key: at most one order per key, also under concurrent repeats. */
class IdempotencyE2E {

  private static final String BODY = "{\"customerName\":\"Barbara\",\"orderItemCount\":4}";

  private final ApiClient api = ApiClient.fromSystemProperty();

  @Test
  void repeatedCreate_sameKeyAndBody_returnsTheFirstOrder() {
    // Given
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    ApiResponse first = api.post(ApiClient.ORDERS, BODY, key);

    // When
    ApiResponse repeat = api.post(ApiClient.ORDERS, BODY, key);

    // Then
    assertThat(first.status()).isEqualTo(201);
    assertThat(repeat.status()).isEqualTo(201);
    assertThat(repeat.json()).isEqualTo(first.json());
  }

  @Test
  void concurrentCreates_sameKeyAndBody_createOneOrder() throws Exception {
    // Given
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);

    // When
    List<ApiResponse> responses;
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      List<CompletableFuture<ApiResponse>> calls =
          IntStream.range(0, callers)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            awaitQuietly(start);
                            return api.post(ApiClient.ORDERS, BODY, key);
                          },
                          pool))
              .toList();
      start.countDown();
      responses = calls.stream().map(CompletableFuture::join).toList();
    }

    // Then
    assertThat(responses).extracting(ApiResponse::status).containsOnly(201);
    assertThat(responses).extracting(r -> r.json().path("id").asText()).containsOnly(id(responses));
    assertThat(api.get(ApiClient.ORDERS + "/" + id(responses)).status()).isEqualTo(200);
  }

  @Test
  void repeatedCreate_sameKeyOtherBody_isConflict() {
    // Given
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    ApiResponse first = api.post(ApiClient.ORDERS, BODY, key);

    // When
    ApiResponse reused =
        api.post(ApiClient.ORDERS, "{\"customerName\":\"Barbara\",\"orderItemCount\":5}", key);

    // Then
    assertThat(first.status()).isEqualTo(201);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void createsWithoutKey_createDistinctOrders() {
    // When
    String first = api.createOrder("Barbara", 4);
    String second = api.createOrder("Barbara", 4);

    // Then
    assertThat(first).isNotEqualTo(second);
  }

  private static String id(List<ApiResponse> responses) {
    return responses.get(0).json().path("id").asText();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
