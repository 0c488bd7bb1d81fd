package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import static ${package}.infra.PolicyMatch.withStatements;
import static ${package}.infra.TemplateQueries.onlyResource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import ${package}.handlers.Needs;
import ${package}.handlers.Route;

/** What changes between dev, staging and production, and what stays the same. */
class EnvironmentsTest {

  private static final Map<DeploymentEnvironment, Template> TEMPLATES =
      new EnumMap<>(DeploymentEnvironment.class);

  @BeforeAll
  static void synthesize() {
    for (DeploymentEnvironment environment : DeploymentEnvironment.values()) {
      TEMPLATES.put(
          environment,
          Template.fromStack(
              TestApps.serviceStack(
                  Map.of(StackConfig.ENVIRONMENT_KEY, environment.contextName()))));
    }
  }

  @ParameterizedTest
  @EnumSource(DeploymentEnvironment.class)
  void everyEnvironment_hasTheSameMonitoring(DeploymentEnvironment environment) {
    // Given
    Template template = TEMPLATES.get(environment);

    // Then
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 2);
    template.resourceCountIs("AWS::SNS::Topic", 1);
    // The API's 5xx rate, ERROR log lines and dependency failures; errors, duration and throttles
    // per function; throttles per table and per index.
    int indexes =
        Arrays.stream(Needs.Table.values())
            .mapToInt(table -> table.definition().indexes().size())
            .sum();
    int alarms = 3 + 3 * Route.values().length + Needs.Table.values().length + indexes;
    assertThat(template.findResources("AWS::CloudWatch::Alarm")).hasSize(alarms);
    template.allResourcesProperties(
        "AWS::CloudWatch::Alarm",
        Match.objectLike(Map.of("AlarmActions", List.of(Map.of("Ref", Match.anyValue())))));
  }

  @ParameterizedTest
  @EnumSource(DeploymentEnvironment.class)
  void onlyProduction_hasAWebAclByDefault(DeploymentEnvironment environment) {
    // Then
    int expected = environment == DeploymentEnvironment.PRODUCTION ? 1 : 0;
    TEMPLATES.get(environment).resourceCountIs("AWS::WAFv2::WebACL", expected);
    TEMPLATES.get(environment).resourceCountIs("AWS::WAFv2::WebACLAssociation", expected);
  }

  @ParameterizedTest
  @EnumSource(DeploymentEnvironment.class)
  void onlyProduction_keepsItsDataOnDeletion(DeploymentEnvironment environment) {
    // Given
    boolean production = environment == DeploymentEnvironment.PRODUCTION;

    // Then
    assertThat(
            TEMPLATES
                .get(environment)
                .findResources(
                    "AWS::DynamoDB::Table",
                    Match.objectLike(
                        Map.of(
                            "DeletionPolicy",
                            production ? "Retain" : "Delete",
                            "Properties",
                            Match.objectLike(Map.of("DeletionProtectionEnabled", production))))))
        .hasSize(2);
    TEMPLATES
        .get(environment)
        .allResources(
            "AWS::KMS::Key",
            Match.objectLike(Map.of("DeletionPolicy", production ? "Retain" : "Delete")));
  }

  @ParameterizedTest
  @EnumSource(DeploymentEnvironment.class)
  void logGroups_keepAYearEncryptedWithTheStacksLogsKey(DeploymentEnvironment environment) {
    // Given: the key CloudWatch Logs may use
    Template template = TEMPLATES.get(environment);
    String logsKey =
        onlyResource(
            template,
            "AWS::KMS::Key",
            Map.of("KeyPolicy", withStatements(Map.of("Sid", "AllowCloudWatchLogs"))));

    // Then: AWS Control Tower CT.CLOUDWATCH.PR.2 (a year at least) and PR.3 (KMS)
    template.allResourcesProperties(
        "AWS::Logs::LogGroup",
        Match.objectLike(
            Map.of(
                "RetentionInDays",
                365,
                "KmsKeyId",
                Map.of("Fn::GetAtt", List.of(logsKey, "Arn")))));
  }

  @ParameterizedTest
  @EnumSource(DeploymentEnvironment.class)
  void everyKey_rotatesAndLetsGrantsBeMadeForAwsResourcesOnly(DeploymentEnvironment environment) {
    // Then: AWS Control Tower CT.KMS.PR.1 and CT.KMS.PR.3
    TEMPLATES
        .get(environment)
        .allResourcesProperties(
            "AWS::KMS::Key",
            Match.objectLike(
                Map.of(
                    "EnableKeyRotation",
                    true,
                    "KeyPolicy",
                    withStatements(
                        Map.of(
                            "Effect",
                            "Deny",
                            "Principal",
                            Map.of("AWS", "*"),
                            "Action",
                            "kms:CreateGrant",
                            "Condition",
                            Map.of(
                                "BoolIfExists",
                                Map.of(
                                    "aws:PrincipalIsAWSService",
                                    "false",
                                    "kms:GrantIsForAWSResource",
                                    "false")))))));
  }
}
