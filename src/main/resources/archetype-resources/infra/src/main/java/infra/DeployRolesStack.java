package ${package}.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.CfnOIDCProvider;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The roles GitHub Actions deploy with, in one AWS account: one per environment deployed to that
 * account, each trusted only by the workflow jobs of this repository that run in the GitHub
 * environment of the same name, and each allowed nothing but to assume the CDK bootstrap roles of
 * its own account and region (which deploy, publish assets and look up). In the account of
 * production, a plan role too, trusted by jobs of the main branch, that may only assume the
 * bootstrap's read-only lookup role (the production {@code cdk diff}). Deployed once per account
 * with administrator credentials: {@code make deploy-roles ENVIRONMENT=...}.
 */
public class DeployRolesStack extends Stack {

  /** The issuer of GitHub Actions' OIDC tokens, without its scheme. */
  public static final String GITHUB_ISSUER = "token.actions.githubusercontent.com";

  /** The audience that aws-actions/configure-aws-credentials asks for. */
  public static final String AUDIENCE = "sts.amazonaws.com";

  /**
   * Output id prefix of a deploy role's ARN: {@code DeployRoleArnDev}, ...Staging, ...Production.
   */
  public static final String DEPLOY_ROLE_OUTPUT = "DeployRoleArn";

  /** Output id of the production plan role's ARN. */
  public static final String PLAN_ROLE_OUTPUT = "PlanRoleArn";

  /** A role's longest session: a pull request's deploy, tests and destroy fit in it. */
  public static final Duration MAX_SESSION = Duration.hours(2);

  /** Creates the roles of {@code environments}, which all live in this stack's account. */
  public DeployRolesStack(
      Construct scope,
      String id,
      StackProps props,
      ServiceProperties service,
      DeploymentConfig config,
      List<DeploymentEnvironment> environments) {
    super(scope, id, props);
    String provider;
    if (config.createOidcProvider()) {
      provider =
          CfnOIDCProvider.Builder.create(this, "GitHubOidcProvider")
              .url("https://" + GITHUB_ISSUER)
              .clientIdList(List.of(AUDIENCE))
              .build()
              .getAttrArn();
    } else {
      provider =
          "arn:" + Aws.PARTITION + ":iam::" + getAccount() + ":oidc-provider/" + GITHUB_ISSUER;
    }
    String bootstrapRoles = bootstrapRole(config, "*");
    for (DeploymentEnvironment environment : environments) {
      Role role =
          role(
              "Deploy" + title(environment),
              roleName(service, environment),
              "Deploys the " + environment.contextName() + " stacks from GitHub Actions",
              provider,
              config.environmentSubject(environment),
              bootstrapRoles);
      CfnOutput.Builder.create(this, DEPLOY_ROLE_OUTPUT + title(environment))
          .value(role.getRoleArn())
          .build();
    }
    if (environments.contains(DeploymentEnvironment.PRODUCTION)) {
      Role plan =
          role(
              "PlanProduction",
              service.serviceName() + "-github-plan-production",
              "Reads the production stacks for the cdk diff shown before the production approval",
              provider,
              config.mainBranchSubject(),
              bootstrapRole(config, "lookup"));
      CfnOutput.Builder.create(this, PLAN_ROLE_OUTPUT).value(plan.getRoleArn()).build();
    }
    NagSuppressions.addStackSuppressions(
        this,
        List.of(
            NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(
                    "The bootstrap roles are named cdk-<qualifier>-<kind>-role-<account>-<region>:"
                        + " the wildcard stands for the kind (deploy, file-publishing,"
                        + " image-publishing, lookup) in this account and region only")
                .appliesTo(
                    List.of(
                        "Resource::" + bootstrapRoles.replace(Aws.PARTITION, "<AWS::Partition>")))
                .build()));
  }

  /** The name of an environment's deploy role: {@code <service>-github-deploy-<environment>}. */
  public static String roleName(ServiceProperties service, DeploymentEnvironment environment) {
    return service.serviceName() + "-github-deploy-" + environment.contextName();
  }

  private Role role(
      String id,
      String name,
      String description,
      String provider,
      String subject,
      String assumable) {
    return Role.Builder.create(this, id)
        .roleName(name)
        .description(description)
        .maxSessionDuration(MAX_SESSION)
        .assumedBy(
            new FederatedPrincipal(
                provider,
                Map.of(
                    "StringEquals",
                    Map.of(GITHUB_ISSUER + ":aud", AUDIENCE, GITHUB_ISSUER + ":sub", subject)),
                "sts:AssumeRoleWithWebIdentity"))
        .inlinePolicies(
            Map.of(
                "AssumeCdkBootstrapRoles",
                PolicyDocument.Builder.create()
                    .statements(
                        List.of(
                            PolicyStatement.Builder.create()
                                .actions(List.of("sts:AssumeRole"))
                                .resources(List.of(assumable))
                                .build()))
                    .build()))
        .build();
  }

  /** A bootstrap role of this account and region: {@code kind} is deploy, lookup, ... or *. */
  private String bootstrapRole(DeploymentConfig config, String kind) {
    return "arn:"
        + Aws.PARTITION
        + ":iam::"
        + getAccount()
        + ":role/cdk-"
        + config.bootstrapQualifier()
        + "-"
        + kind
        + "-role-"
        + getAccount()
        + "-"
        + getRegion();
  }

  private static String title(DeploymentEnvironment environment) {
    String name = environment.contextName();
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
