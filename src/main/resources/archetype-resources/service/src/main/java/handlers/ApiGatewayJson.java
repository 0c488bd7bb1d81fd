package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads API Gateway proxy events and writes proxy responses with the service's own Jackson, for the
 * handlers' stream entry point.
 *
 * <p>Left to the Lambda runtime, a handler of aws-lambda-java-events types is (de)serialised by the
 * runtime client's own shaded Jackson, with Joda-Time and a mix-in per event type, set up at every
 * cold start: about 800 classes (docs/cold-start.md). Jackson is loaded anyway for the request and
 * response bodies, so binding the two event classes here costs next to nothing.
 */
final class ApiGatewayJson {

  // Unknown members (fields API Gateway adds) are ignored and absent ones left null, as the
  // runtime does; the response leaves out null members. Lambda owns the streams.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private ApiGatewayJson() {}

  /** The event Lambda hands the function. */
  static APIGatewayProxyRequestEvent readRequest(InputStream input) throws IOException {
    return MAPPER.readValue(input, APIGatewayProxyRequestEvent.class);
  }

  /** The response, as the JSON that API Gateway expects from a proxy integration. */
  static void writeResponse(APIGatewayProxyResponseEvent response, OutputStream output)
      throws IOException {
    MAPPER.writeValue(output, response);
  }
}
