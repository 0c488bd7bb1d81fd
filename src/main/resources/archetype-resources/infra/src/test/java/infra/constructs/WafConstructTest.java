package ${package}.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.apigateway.MockIntegration;
import software.amazon.awscdk.services.apigateway.RestApi;

import ${package}.infra.TestApps;

/** The WAF construct alone, in front of a one-method API. */
class WafConstructTest {

  private static Template template;

  @BeforeAll
  static void synthesize() {
    Stack stack = TestApps.bareStack();
    RestApi api = RestApi.Builder.create(stack, "Api").build();
    api.getRoot().addMethod("GET", MockIntegration.Builder.create().build());
    new WafConstruct(
        stack,
        "Waf",
        new WafConstruct.Props(
            api.getDeploymentStage(), new StackLogs(stack, "Logs", RemovalPolicy.DESTROY)));
    template = Template.fromStack(stack);
  }

  @Test
  void webAcl_isRegionalWithTheManagedRuleGroupsAndARateLimit() {
    // Given
    Capture rules = new Capture();

    // When
    template.hasResourceProperties(
        "AWS::WAFv2::WebACL",
        Match.objectLike(
            Map.of(
                "Scope", "REGIONAL", "DefaultAction", Map.of("Allow", Map.of()), "Rules", rules)));

    // Then
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ruleList = (List<Map<String, Object>>) (List<?>) rules.asArray();
    assertThat(ruleList)
        .extracting(rule -> rule.get("Name"))
        .containsExactly(
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesAnonymousIpList",
            "RateLimitPerIp");
    assertThat(ruleList).extracting(rule -> rule.get("Priority")).containsExactly(0, 1, 2, 3, 4);
    assertThat(ruleList.get(4).get("Statement").toString()).contains("RateBasedStatement", "1000");
  }

  @Test
  void association_pointsAtTheStage() {
    // Then
    template.hasResourceProperties(
        "AWS::WAFv2::WebACLAssociation",
        Match.objectLike(
            Map.of(
                "ResourceArn",
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        Match.arrayWith(
                            List.of(
                                "/stages/",
                                Map.of("Ref", Match.stringLikeRegexp("ApiDeploymentStage.*")))))),
                "WebACLArn",
                Map.of("Fn::GetAtt", List.of(Match.anyValue(), "Arn")))));
  }

  @Test
  void logging_goesToALogGroupNamedForWafAndForThisCreationOfTheStack() {
    // Given: the start of the id CloudFormation gives each new stack, arn:...:stack/NAME/ID
    Object stackCreationId =
        select(0, split("-", select(2, split("/", Map.of("Ref", "AWS::StackId")))));

    // Then: a stack created again after a delete gets a new name, not the retained group's
    template.hasResourceProperties(
        "AWS::Logs::LogGroup",
        Match.objectLike(
            Map.of(
                "LogGroupName",
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        List.of(WafConstruct.LOG_GROUP_PREFIX + "TestStack-", stackCreationId))),
                "RetentionInDays",
                365)));
    template.hasResourceProperties(
        "AWS::WAFv2::LoggingConfiguration",
        Match.objectLike(
            Map.of(
                "LogDestinationConfigs",
                List.of(
                    Map.of(
                        "Fn::Join",
                        List.of(
                            "",
                            Match.arrayWith(
                                List.of(
                                    ":log-group:",
                                    Match.objectLike(Map.of("Ref", Match.anyValue()))))))))));
  }

  private static Map<String, Object> select(int index, Object list) {
    return Map.of("Fn::Select", List.of(index, list));
  }

  private static Map<String, Object> split(String delimiter, Object text) {
    return Map.of("Fn::Split", List.of(delimiter, text));
  }
}
