package ${package}.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

class PowertoolsJsonEncoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final PowertoolsJsonEncoder encoder = new PowertoolsJsonEncoder();

  @Test
  void encode_writesOneLineOfJsonWithLevelMessageAndUtcTimestamp() throws IOException {
    LoggingEvent event = event(Level.INFO, "Order {} created", null, "42");
    event.setTimeStamp(1_796_170_489_007L);

    String line = encode(event);

    assertThat(line).endsWith("}\n").doesNotContain("\n{");
    JsonNode json = JSON.readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("message").asText()).isEqualTo("Order 42 created");
    assertThat(json.get("timestamp").asText()).isEqualTo("2026-12-02T00:14:49.007Z");
    assertThat(json.has("error")).isFalse();
  }

  @Test
  void encode_writesTheErrorWithItsStackAsOneEscapedString() throws IOException {
    IllegalStateException error = new IllegalStateException("boom \"quoted\"");

    JsonNode json = JSON.readTree(encode(event(Level.ERROR, "failed", error)));

    assertThat(json.get("error").get("message").asText()).isEqualTo("boom \"quoted\"");
    assertThat(json.get("error").get("name").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json.get("error").get("stack").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("\tat " + PowertoolsJsonEncoderTest.class.getName());
  }

  @Test
  void encode_writesPowertoolsFieldsWithTheirJsonTypesAndOtherMdcEntriesAsText()
      throws IOException {
    LoggingEvent event = event(Level.WARN, "slow", null);
    event.setMDCPropertyMap(
        Map.of(
            "cold_start", "true",
            "function_memory_size", "1024",
            "sampling_rate", "0.1",
            "service", "orders",
            "correlation_id", "req-1",
            "tenant", "1234"));

    JsonNode json = JSON.readTree(encode(event));

    assertThat(json.get("cold_start").isBoolean()).isTrue();
    assertThat(json.get("function_memory_size").asInt()).isEqualTo(1024);
    assertThat(json.get("sampling_rate").asDouble()).isEqualTo(0.1);
    assertThat(json.get("service").asText()).isEqualTo("orders");
    assertThat(json.get("correlation_id").asText()).isEqualTo("req-1");
    // Only Powertools' own numeric fields lose their quotes.
    assertThat(json.get("tenant").isTextual()).isTrue();
  }

  @Test
  void encode_keepsPowertoolsFieldsThatAreNotNumbersAsText() throws IOException {
    LoggingEvent event = event(Level.INFO, "x", null);
    event.setMDCPropertyMap(
        Map.of("function_memory_size", "01e3", "cold_start", "yes", "sampling_rate", "often"));

    JsonNode json = JSON.readTree(encode(event));

    assertThat(json.get("function_memory_size").asText()).isEqualTo("01e3");
    assertThat(json.get("cold_start").asText()).isEqualTo("yes");
    assertThat(json.get("sampling_rate").asText()).isEqualTo("often");
  }

  @Test
  void encode_leavesOutASamplingRateOfZeroAsPowertoolsDoes() throws IOException {
    LoggingEvent event = event(Level.INFO, "x", null);
    event.setMDCPropertyMap(Map.of("sampling_rate", "0.0"));

    assertThat(JSON.readTree(encode(event)).has("sampling_rate")).isFalse();
  }

  @Test
  void encode_escapesEveryControlCharacterAndWritesNullsAsNull() throws IOException {
    LoggingEvent event = event(Level.WARN, "a\u0000\u001bb\u000b\"c\\", null);
    Map<String, String> mdc = new HashMap<>();
    mdc.put("tenant", "x\u0007y");
    mdc.put("empty", null);
    event.setMDCPropertyMap(mdc);

    JsonNode json = JSON.readTree(encode(event));

    assertThat(json.get("message").asText()).isEqualTo("a\u0000\u001bb\u000b\"c\\");
    assertThat(json.get("tenant").asText()).isEqualTo("x\u0007y");
    assertThat(json.get("empty").isNull()).isTrue();
  }

  @Test
  void encode_dropsAStructuredArgumentThatCannotWriteItselfAndStaysValid() throws IOException {
    StructuredArgument failing =
        serializer -> {
          serializer.writeFieldName("broken");
          throw new NoClassDefFoundError("io/burt/jmespath/Expression");
        };

    JsonNode json = JSON.readTree(encode(event(Level.INFO, "created {}", null, failing)));

    assertThat(json.has("broken")).isFalse();
    assertThat(json.get("level").asText()).isEqualTo("INFO");
  }

  @Test
  void encode_addsPowertoolsStructuredArgumentsAsFields() throws IOException {
    LoggingEvent event =
        event(Level.INFO, "Order created", null, StructuredArguments.entry("orderId", "o-1"));

    JsonNode json = JSON.readTree(encode(event));

    assertThat(json.get("orderId").asText()).isEqualTo("o-1");
    assertThat(json.get("message").asText()).isEqualTo("Order created");
  }

  @Test
  void timestamp_padsEveryPart() {
    assertThat(PowertoolsJsonEncoder.timestamp(0L)).isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(PowertoolsJsonEncoder.timestamp(1_000_000_000_050L))
        .isEqualTo("2001-09-09T01:46:40.050Z");
  }

  private LoggingEvent event(Level level, String message, Throwable error, Object... arguments) {
    return new LoggingEvent(
        PowertoolsJsonEncoderTest.class.getName(),
        context.getLogger("orders"),
        level,
        message,
        error,
        arguments.length == 0 ? null : arguments);
  }

  private String encode(LoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }
}
