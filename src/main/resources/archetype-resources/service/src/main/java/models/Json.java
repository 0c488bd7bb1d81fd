package ${package}.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/**
 * The one JSON mapper of the service: strict on input, ISO-8601 instants on output, absent (null)
 * fields left out.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // Instant.toString() is ISO-8601, as JavaTimeModule writes it, without the module's
          // 70-odd classes on every cold start. A new java.time field type gets its line here.
          .addModule(
              new SimpleModule("instants")
                  .addSerializer(Instant.class, ToStringSerializer.instance))
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private Json() {}

  /** Parses a request body into a tree; anything that is not one JSON value is malformed. */
  public static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new MalformedRequestException("The request body is empty: send a JSON object");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      // The parser's own message names the line and column; it never echoes more than a token.
      throw new MalformedRequestException(
          "The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Writes a value (records, maps, lists) as JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
