package ${package}.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The API contract in {@code api/openapi.yaml}, as a checker of real responses: a response that
 * uses an undocumented status, content type or body shape is a violation. Requests that match no
 * documented route must get a 404 problem, and a documented route called with another method a 405
 * problem whose Allow header lists the documented methods, unless the gateway refused the request's
 * signature (a 401 or 403 problem).
 */
final class ApiContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM_JSON = "application/problem+json";

  /**
   * What an API that requires a signature answers to any request, routed or not, before the route
   * matters: 401 unsigned, 403 denied (x-unrouted-responses in the document).
   */
  private static final Set<Integer> AUTHENTICATION_STATUSES = Set.of(401, 403);

  /** What a path parameter of a template matches: one non-empty segment. */
  private static final String PATH_PARAMETER = "[^/]+";

  private final OpenAPI api;
  private final List<String> parseMessages;
  private final OpenApiInteractionValidator validator;
  private final SchemaValidator schemas;
  private final Map<Pattern, PathItem> routes = new LinkedHashMap<>();

  private ApiContract(Path document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    // The validator needs the $refs to shared responses resolved, not just parsed.
    options.setResolveFully(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(document.toUri().toString(), null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException(
          "Cannot read the API contract " + document + ": " + result.getMessages());
    }
    this.api = result.getOpenAPI();
    this.parseMessages = result.getMessages() == null ? List.of() : result.getMessages();
    this.validator = OpenApiInteractionValidator.createFor(api).build();
    this.schemas = new SchemaValidator(api, new MessageResolver());
    api.getPaths()
        .forEach(
            (template, item) ->
                routes.put(
                    Pattern.compile("^" + template.replaceAll("\\{[^/}]+}", PATH_PARAMETER) + "$"),
                    item));
  }

  private static int parameterCount(Pattern route) {
    String regex = route.pattern();
    return (regex.length() - regex.replace(PATH_PARAMETER, "").length()) / PATH_PARAMETER.length();
  }

  /** Loads the document named by the system property {@code e2e.openapi}. */
  static ApiContract load() {
    String location = System.getProperty("e2e.openapi", "../api/openapi.yaml");
    Path document = Path.of(location).toAbsolutePath().normalize();
    if (!Files.isRegularFile(document)) {
      throw new IllegalStateException("No API contract at " + document + " (-De2e.openapi=...)");
    }
    return new ApiContract(document);
  }

  /** What the parser found wrong with the document itself; empty when it is valid OpenAPI 3. */
  List<String> documentProblems() {
    return parseMessages;
  }

  /** The documented methods of a path template, upper case: the Allow header of a 405. */
  Set<String> methodsOf(String template) {
    Set<String> methods = new TreeSet<>();
    api.getPaths().get(template).readOperationsMap().keySet().forEach(m -> methods.add(m.name()));
    return methods;
  }

  /** The parsed document. */
  OpenAPI document() {
    return api;
  }

  /** Every way the response breaks the contract; empty when it conforms. */
  List<String> violations(
      String method, String target, int status, Map<String, List<String>> headers, String body) {
    // The query string selects no route; API Gateway, and the validator, route on the path.
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    // As in API Gateway, a literal segment wins over a path parameter: the fewest parameters win.
    PathItem route =
        routes.entrySet().stream()
            .filter(e -> e.getKey().matcher(path).matches())
            .min(Comparator.comparingInt(e -> parameterCount(e.getKey())))
            .map(Map.Entry::getValue)
            .orElse(null);
    if (route == null) {
      return unroutedViolations(404, status, headers, body, null);
    }
    Set<String> allowed = new TreeSet<>();
    route.readOperationsMap().keySet().forEach(m -> allowed.add(m.name()));
    String upper = method.toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      return unroutedViolations(405, status, headers, body, allowed);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    headers.forEach(response::withHeader);
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(path, Request.Method.valueOf(upper), response.build());
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .toList();
  }

  private List<String> unroutedViolations(
      int expected,
      int status,
      Map<String, List<String>> headers,
      String body,
      Set<String> allowedMethods) {
    List<String> violations = new ArrayList<>();
    if (status != expected && !AUTHENTICATION_STATUSES.contains(status)) {
      violations.add(
          "expected " + expected + " for a request no operation documents, got " + status);
      return violations;
    }
    String contentType = header(headers, "Content-Type");
    if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
      violations.add("expected Content-Type " + PROBLEM_JSON + ", got " + contentType);
    }
    Schema<?> problem = api.getComponents().getSchemas().get("Problem");
    ValidationReport report = schemas.validate(body, problem, "problem");
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .forEach(m -> violations.add(m.getKey() + ": " + m.getMessage()));
    JsonNode json = parse(body);
    if (json != null && json.path("status").asInt() != status) {
      violations.add("problem status " + json.path("status") + " differs from HTTP " + status);
    }
    if (allowedMethods != null && status == expected) {
      String allow = header(headers, "Allow");
      Set<String> listed = new TreeSet<>();
      if (allow != null) {
        for (String m : allow.split(",")) {
          listed.add(m.trim().toUpperCase(Locale.ROOT));
        }
      }
      if (!listed.equals(allowedMethods)) {
        violations.add("Allow header " + allow + " differs from the documented " + allowedMethods);
      }
    }
    return violations;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
