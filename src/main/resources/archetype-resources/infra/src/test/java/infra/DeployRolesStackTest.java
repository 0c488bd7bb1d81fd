package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The deploy roles: each trusts the jobs of one GitHub environment of one repository and may do
 * nothing but assume the CDK bootstrap roles of its own account and region. Dev and staging share
 * an account here, production has its own.
 */
class DeployRolesStackTest {

  private static final String SHARED = "111111111111";
  private static final String PRODUCTION = "333333333333";
  private static final String ISSUER = DeployRolesStack.GITHUB_ISSUER;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ServiceProperties service;
  private static DeploymentConfig config;
  private static DeployRolesStack shared;
  private static DeployRolesStack production;

  @BeforeAll
  static void synthesize() {
    service = ServiceProperties.load();
    config =
        new DeploymentConfig(
            "acme",
            "orders",
            List.of("alice"),
            "hnb659fds",
            true,
            Map.of(
                DeploymentEnvironment.DEV, new DeploymentConfig.Target(SHARED, null),
                DeploymentEnvironment.STAGING, new DeploymentConfig.Target(SHARED, null),
                DeploymentEnvironment.PRODUCTION,
                    new DeploymentConfig.Target(PRODUCTION, "ops@example.com")));
    shared = stackOf("staging");
    production = stackOf("production");
  }

  private static DeployRolesStack stackOf(String environment) {
    App app = TestApps.app(Map.of(StackConfig.ENVIRONMENT_KEY, environment));
    DeployRolesStack stack = DeployRolesApp.build(app, service, config);
    Aspects.of(app).add(new AwsSolutionsChecks());
    return stack;
  }

  @Test
  void eachAccount_getsTheRolesOfTheEnvironmentsDeployedThere() {
    // Then
    assertThat(roleNames(shared))
        .containsExactlyInAnyOrder(
            DeployRolesStack.roleName(service, DeploymentEnvironment.DEV),
            DeployRolesStack.roleName(service, DeploymentEnvironment.STAGING));
    assertThat(roleNames(production))
        .containsExactlyInAnyOrder(
            DeployRolesStack.roleName(service, DeploymentEnvironment.PRODUCTION),
            service.serviceName() + "-github-plan-production");
    assertThat(shared.getAccount()).isEqualTo(SHARED);
    assertThat(production.getAccount()).isEqualTo(PRODUCTION);
    assertThat(shared.getStackName()).isEqualTo(DeployRolesApp.stackName(service));
    Template.fromStack(shared).hasOutput("DeployRoleArnStaging", Match.anyValue());
    Template.fromStack(production).hasOutput(DeployRolesStack.PLAN_ROLE_OUTPUT, Match.anyValue());
  }

  @Test
  void eachDeployRole_trustsOneEnvironmentOfOneRepository() {
    for (DeployRolesStack stack : List.of(shared, production)) {
      for (JsonNode role : roles(stack)) {
        // When
        JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement");
        String name = role.path("RoleName").asText();

        // Then: one statement, web identity only, an exact audience and subject
        assertThat(trust).hasSize(1);
        JsonNode statement = trust.get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(fieldNames(statement.path("Condition"))).containsExactly("StringEquals");
        JsonNode equals = statement.path("Condition").path("StringEquals");
        assertThat(fieldNames(equals)).containsExactlyInAnyOrder(ISSUER + ":aud", ISSUER + ":sub");
        assertThat(equals.path(ISSUER + ":aud").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(equals.path(ISSUER + ":sub").asText()).isEqualTo(expectedSubject(name));
        assertThat(statement.path("Principal").path("Federated").toString())
            .contains("GitHubOidcProvider");
        assertThat(role.path("MaxSessionDuration").asInt()).isEqualTo(7200);
      }
    }
  }

  @Test
  void noRole_canDoMoreThanAssumeTheBootstrapRolesOfItsAccountAndRegion() {
    for (DeployRolesStack stack : List.of(shared, production)) {
      Template template = Template.fromStack(stack);
      // Then: no policy, managed policy or permissions boundary but each role's inline one
      assertThat(template.findResources("AWS::IAM::Policy")).isEmpty();
      assertThat(template.findResources("AWS::IAM::ManagedPolicy")).isEmpty();
      for (JsonNode role : roles(stack)) {
        assertThat(role.has("ManagedPolicyArns")).isFalse();
        JsonNode policies = role.path("Policies");
        assertThat(policies).hasSize(1);
        JsonNode statements = policies.get(0).path("PolicyDocument").path("Statement");
        assertThat(statements).hasSize(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRole");
        String kind = role.path("RoleName").asText().contains("-plan-") ? "lookup" : "*";
        assertThat(resource(statement.path("Resource")))
            .isEqualTo(
                "arn:{AWS::Partition}:iam::"
                    + stack.getAccount()
                    + ":role/cdk-hnb659fds-"
                    + kind
                    + "-role-"
                    + stack.getAccount()
                    + "-"
                    + service.region());
      }
    }
  }

  @Test
  void rolesStack_hasNoUnsuppressedNagFinding() {
    for (DeployRolesStack stack : List.of(shared, production)) {
      // When
      Annotations annotations = Annotations.fromStack(stack);

      // Then
      assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
      assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }
  }

  @Test
  void anExistingOidcProvider_isUsedInsteadOfCreated() {
    // Given
    DeploymentConfig existing =
        new DeploymentConfig(
            config.owner(),
            config.repository(),
            config.productionReviewers(),
            config.bootstrapQualifier(),
            false,
            config.environments());

    // When
    Template template =
        Template.fromStack(
            DeployRolesApp.build(
                TestApps.app(Map.of(StackConfig.ENVIRONMENT_KEY, "production")),
                service,
                existing));

    // Then
    template.resourceCountIs("AWS::IAM::OIDCProvider", 0);
    assertThat(template.toJSON().toString())
        .contains(":iam::" + PRODUCTION + ":oidc-provider/" + ISSUER);
  }

  @Test
  void generatedDeploymentJson_isValid_andABadOneNamesEachProblem(@TempDir Path folder)
      throws IOException {
    // Then: the one the repository was generated with
    assertThat(TestApps.deployment().environments()).hasSize(3);

    // Given
    Path bad = folder.resolve(DeploymentConfig.FILE);
    Files.writeString(
        bad,
        """
        {"github": {"owner": "-acme", "repository": "orders"},
         "cdkBootstrapQualifier": "hnb659fds", "githubOidcProvider": "maybe",
         "environments": {"dev": {"account": "123"}, "staging": {"account": "222222222222"},
                          "production": {"account": "333333333333", "alarmEmail": "nobody"}}}
        """);

    // Then
    assertThatThrownBy(() -> DeploymentConfig.load(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("github.owner='-acme'")
        .hasMessageContaining("githubOidcProvider='maybe' must be create or existing")
        .hasMessageContaining("environments.dev.account='123'")
        .hasMessageContaining("environments.production.alarmEmail='nobody'");
  }

  private String expectedSubject(String roleName) {
    if (roleName.endsWith("-plan-production")) {
      return "repo:acme/orders:ref:refs/heads/main";
    }
    String environment = roleName.substring(roleName.lastIndexOf('-') + 1);
    return "repo:acme/orders:environment:" + environment;
  }

  private static List<JsonNode> roles(DeployRolesStack stack) {
    JsonNode resources = JSON.valueToTree(Template.fromStack(stack).toJSON()).path("Resources");
    List<JsonNode> roles = new ArrayList<>();
    resources.forEach(
        resource -> {
          if (resource.path("Type").asText().equals("AWS::IAM::Role")) {
            roles.add(resource.path("Properties"));
          }
        });
    return roles;
  }

  private static List<String> roleNames(DeployRolesStack stack) {
    return roles(stack).stream().map(role -> role.path("RoleName").asText()).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // An ARN the template joins from parts: {AWS::Partition} stands for the partition's reference.
  private static String resource(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    StringBuilder joined = new StringBuilder();
    value
        .path("Fn::Join")
        .get(1)
        .forEach(
            part ->
                joined.append(
                    part.isTextual() ? part.asText() : "{" + part.path("Ref").asText() + "}"));
    return joined.toString();
  }
}
