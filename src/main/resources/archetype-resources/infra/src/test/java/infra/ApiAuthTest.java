package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.infra.TemplateQueries.onlyResource;
import static ${package}.infra.TemplateQueries.properties;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import ${package}.handlers.Route;

/**
 * api.auth: iam makes every method of the API require a SigV4 signature, none leaves all of them
 * open; in both, every path reaches a method, so an unknown path is a 404 problem and "Missing
 * Authentication Token" can only mean an unsigned request.
 */
class ApiAuthTest {

  private static Template signed;
  private static Template open;

  @BeforeAll
  static void synthesize() {
    signed = Template.fromStack(TestApps.serviceStack(Map.of(), "iam"));
    open = Template.fromStack(TestApps.serviceStack(Map.of(), "none"));
  }

  @Test
  void iam_everyMethodRequiresASignature_theMocksIncluded() {
    // Then
    assertThat(authorizationTypes(signed)).containsOnly("AWS_IAM").hasSize(methodCount());
  }

  @Test
  void none_everyMethodIsOpen() {
    // Then
    assertThat(authorizationTypes(open)).containsOnly("NONE").hasSize(methodCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"iam", "none"})
  void unknownPaths_reachA404ProblemOnTheRootAndItsGreedyChild(String apiAuth) {
    // Given
    Template template = "iam".equals(apiAuth) ? signed : open;
    String proxy =
        onlyResource(template, "AWS::ApiGateway::Resource", Map.of("PathPart", "{proxy+}"));

    // Then: ANY on {proxy+} below the root, and ANY on the root itself, which {proxy+} misses
    Object root = rootResourceId(template);
    assertThat(properties(template, proxy)).containsEntry("ParentId", root);
    assertThat(notFoundMocks(template).values())
        .<Object>extracting(method -> ((Map<?, ?>) method.get("Properties")).get("ResourceId"))
        .containsExactlyInAnyOrder(Map.of("Ref", proxy), root);
  }

  @Test
  void missingSignature_is401WithTheSigV4Challenge() {
    // Then
    signed.hasResourceProperties(
        "AWS::ApiGateway::GatewayResponse",
        Match.objectLike(
            Map.of(
                "ResponseType",
                "MISSING_AUTHENTICATION_TOKEN",
                "StatusCode",
                "401",
                "ResponseParameters",
                Map.of(
                    "gatewayresponse.header.Content-Type", "'application/problem+json'",
                    "gatewayresponse.header.WWW-Authenticate", "'AWS4-HMAC-SHA256'"),
                "ResponseTemplates",
                Map.of("application/json", Match.stringLikeRegexp(".*\"status\":401,.*")))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INVALID_SIGNATURE:401", "EXPIRED_TOKEN:401", "ACCESS_DENIED:403"})
  void rejectedSignatures_areProblemsWithTheirStatus(String typeAndStatus) {
    // Given
    String[] parts = typeAndStatus.split(":");

    // Then
    signed.hasResourceProperties(
        "AWS::ApiGateway::GatewayResponse",
        Match.objectLike(
            Map.of(
                "ResponseType",
                parts[0],
                "StatusCode",
                parts[1],
                "ResponseTemplates",
                Map.of(
                    "application/json",
                    Match.stringLikeRegexp(".*\"status\":" + parts[1] + ",.*")))));
  }

  /** The routes, a 405 mock per route path, and the two 404 mocks. */
  private static int methodCount() {
    return Route.values().length + Route.paths().size() + 2;
  }

  private static List<String> authorizationTypes(Template template) {
    return template.findResources("AWS::ApiGateway::Method").values().stream()
        .map(method -> ((Map<?, ?>) method.get("Properties")).get("AuthorizationType").toString())
        .toList();
  }

  private static Map<String, Map<String, Object>> notFoundMocks(Template template) {
    return template.findResources(
        "AWS::ApiGateway::Method",
        Match.objectLike(
            Map.of(
                "Properties",
                Match.objectLike(
                    Map.of(
                        "HttpMethod",
                        "ANY",
                        "Integration",
                        Match.objectLike(
                            Map.of(
                                "Type",
                                "MOCK",
                                "IntegrationResponses",
                                List.of(Match.objectLike(Map.of("StatusCode", "404"))))))))));
  }

  private static Object rootResourceId(Template template) {
    String api = onlyResource(template, "AWS::ApiGateway::RestApi", Map.of());
    return Map.of("Fn::GetAtt", List.of(api, "RootResourceId"));
  }
}
