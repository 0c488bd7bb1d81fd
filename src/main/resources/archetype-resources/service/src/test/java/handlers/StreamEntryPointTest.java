package ${package}.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import static ${package}.models.OrderFixtures.OWNER;
import static ${package}.models.OrderFixtures.anOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.internal.PowertoolsLoggedFields;
import software.amazon.lambda.powertools.metrics.Metrics;

import ${package}.dal.InMemoryOrderRepository;
import ${package}.logic.FeatureFlags;

/** The entry point Lambda calls: the event's JSON in, the proxy response's JSON out. */
class StreamEntryPointTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORED_ID = "3f1c2a9e-5b7d-4e8a-9c0f-1a2b3c4d5e6f";

  private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
  private final GetOrderHandler handler =
      new GetOrderHandler(
          InMemoryDependencies.of(orders, FeatureFlags.allOff(), mock(Metrics.class)));

  private JsonNode call(String eventResource) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (InputStream event = getClass().getResourceAsStream(eventResource)) {
      handler.handleRequest(event, output, new StubContext());
    }
    return JSON.readTree(output.toByteArray());
  }

  @Test
  void storedEvent_isAnsweredWithTheProxyResponseJson() throws IOException {
    // Given the order the stored event asks for, of the caller that signed it
    orders.save(OWNER, anOrder().id(STORED_ID).build());

    // When
    JsonNode response = call("/events/get-order.json");

    // Then: the members API Gateway reads, no nulls
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("headers").path("Content-Type").asText())
        .isEqualTo("application/json");
    assertThat(JSON.readTree(response.path("body").asText()).path("id").asText())
        .isEqualTo(STORED_ID);
    assertThat(response.has("multiValueHeaders")).isFalse();
  }

  @Test
  void request_logsTheApiGatewayRequestIdAsCorrelationId() throws IOException {
    // When
    call("/events/get-order.json");

    // Then: the id of the stored event's request context, under Powertools' field name
    assertThat(RouteHandler.CORRELATION_ID)
        .isEqualTo(PowertoolsLoggedFields.CORRELATION_ID.getName());
    assertThat(MDC.get(RouteHandler.CORRELATION_ID))
        .isEqualTo("d7bf0bd7-8c72-11e6-ab52-a4f9feedface");
  }
}
