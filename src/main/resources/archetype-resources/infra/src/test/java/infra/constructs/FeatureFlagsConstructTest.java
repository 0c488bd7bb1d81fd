package ${package}.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

import ${package}.infra.TestApps;

/** The AppConfig feature flags construct alone. */
class FeatureFlagsConstructTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Template template;

  @BeforeAll
  static void synthesize() {
    Stack stack = TestApps.bareStack();
    FeatureFlagsConstruct flags = new FeatureFlagsConstruct(stack, "FeatureFlags", "staging");
    Role reader =
        Role.Builder.create(stack, "Reader")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .build();
    flags.grantRead(reader);
    template = Template.fromStack(stack);
  }

  @Test
  void profile_isValidatedByTheJsonSchemaInTheRepository() throws Exception {
    // Given
    Capture validators = new Capture();

    // When
    template.hasResourceProperties(
        "AWS::AppConfig::ConfigurationProfile",
        Match.objectLike(
            Map.of("Name", FeatureFlagsConstruct.PROFILE_NAME, "Validators", validators)));

    // Then
    @SuppressWarnings("unchecked")
    Map<String, Object> validator = (Map<String, Object>) validators.asArray().get(0);
    assertThat(validator.get("Type")).isEqualTo("JSON_SCHEMA");
    assertThat(JSON.readTree((String) validator.get("Content")))
        .isEqualTo(
            JSON.readTree(FeatureFlagsConstruct.resource(FeatureFlagsConstruct.SCHEMA_RESOURCE)));
  }

  @Test
  void hostedVersion_holdsTheFlagsFileWithTheCampaignOff() throws Exception {
    // Given
    Capture content = new Capture();

    // When
    template.hasResourceProperties(
        "AWS::AppConfig::HostedConfigurationVersion",
        Match.objectLike(Map.of("ContentType", "application/json", "Content", content)));

    // Then
    JsonNode flags = JSON.readTree(content.asString());
    assertThat(flags.at("/tenPercentOffCampaign/enabled").asBoolean(true)).isFalse();
  }

  @Test
  void deployment_rollsTheFlagsOutAtOnceWithoutBakeTime() {
    // Then
    template.hasResourceProperties(
        "AWS::AppConfig::Environment", Match.objectLike(Map.of("Name", "staging")));
    template.hasResourceProperties(
        "AWS::AppConfig::DeploymentStrategy",
        Match.objectLike(
            Map.of(
                "GrowthFactor", 100,
                "GrowthType", "LINEAR",
                "DeploymentDurationInMinutes", 0,
                "FinalBakeTimeInMinutes", 0)));
    template.hasResourceProperties(
        "AWS::AppConfig::Deployment",
        Match.objectLike(Map.of("DeploymentStrategyId", Map.of("Ref", Match.anyValue()))));
  }

  @Test
  void grantRead_allowsOnlyTheTwoDataApiCallsOnThisProfile() {
    // Given
    Capture resource = new Capture();

    // When
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                Map.of(
                    "Version",
                    "2012-10-17",
                    "Statement",
                    List.of(
                        Map.of(
                            "Effect",
                            "Allow",
                            "Action",
                            // sorted: cdk.json's @aws-cdk/aws-iam:minimizePolicies
                            List.of(
                                "appconfig:GetLatestConfiguration",
                                "appconfig:StartConfigurationSession"),
                            "Resource",
                            resource))))));

    // Then
    String arn = resource.asObject().toString();
    assertThat(arn)
        .contains(":application/", "/environment/", "/configuration/")
        .doesNotContain("*");
  }
}
