package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import ${package}.infra.constructs.WafConstruct;

/** The production stack: keeps its data, protects itself and sits behind WAF. */
class ProductionStackTest {

  private static ServiceStack stack;
  private static Template template;

  @BeforeAll
  static void synthesize() {
    // A branch is ignored outside dev: production is one stack whatever deploys it.
    stack =
        TestApps.serviceStack(
            Map.of(StackConfig.ENVIRONMENT_KEY, "production", StackConfig.BRANCH_KEY, "feature/x"));
    template = Template.fromStack(stack);
  }

  @Test
  void stackName_isServiceNameAndProduction() {
    // Then
    assertThat(stack.getStackName())
        .isEqualTo(ServiceProperties.load().serviceName() + "-production");
    assertThat(stack.getTerminationProtection()).isTrue();
  }

  @Test
  void tables_areRetainedAndDeletionProtected() {
    // Then
    Map<String, Map<String, Object>> tables = template.findResources("AWS::DynamoDB::Table");
    assertThat(tables).hasSize(2);
    assertThat(
            template.findResources(
                "AWS::DynamoDB::Table",
                Match.objectLike(
                    Map.of(
                        "DeletionPolicy", "Retain",
                        "UpdateReplacePolicy", "Retain",
                        "Properties",
                            Match.objectLike(Map.of("DeletionProtectionEnabled", true))))))
        .hasSize(2);
  }

  @Test
  void logGroups_outliveTheStack() {
    // Then
    template.allResources(
        "AWS::Logs::LogGroup", Match.objectLike(Map.of("DeletionPolicy", "Retain")));
  }

  @Test
  void webAcl_protectsTheApiStageAndLogsToAWafLogGroup() {
    // Then
    template.resourceCountIs("AWS::WAFv2::WebACL", 1);
    template.hasResourceProperties(
        "AWS::WAFv2::WebACLAssociation",
        Match.objectLike(
            Map.of(
                "ResourceArn",
                Match.objectLike(
                    Map.of(
                        "Fn::Join",
                        List.of(
                            "",
                            Match.arrayWith(
                                List.of("/stages/", Map.of("Ref", Match.anyValue())))))))));
    template.resourceCountIs("AWS::WAFv2::LoggingConfiguration", 1);
    template.hasResourceProperties(
        "AWS::Logs::LogGroup",
        Match.objectLike(
            Map.of(
                "LogGroupName",
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        Match.arrayWith(
                            List.of(
                                WafConstruct.LOG_GROUP_PREFIX + stack.getStackName() + "-")))))));
  }

  @Test
  void environment_isNamedProductionInAppConfig() {
    // Then
    template.hasResourceProperties(
        "AWS::AppConfig::Environment", Match.objectLike(Map.of("Name", "production")));
  }
}
