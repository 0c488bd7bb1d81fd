package ${package}.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A response of the API under test: status, headers and body text. */
record ApiResponse(int status, Map<String, List<String>> headers, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body as JSON. */
  JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("The body is not JSON: " + body, e);
    }
  }

  /** The first value of a header, ignoring the name's case, or null. */
  String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
