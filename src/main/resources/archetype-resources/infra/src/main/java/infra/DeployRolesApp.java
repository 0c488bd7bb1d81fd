package ${package}.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app of the deploy roles: {@code make deploy-roles ENVIRONMENT=...} deploys, with
 * administrator credentials of that environment's account, the {@link DeployRolesStack} of the
 * account: the roles of every environment that {@code deployment.json} puts there.
 */
public final class DeployRolesApp {

  /** The owner {@code deployment.json} holds until the team sets its own. */
  static final String EXAMPLE_OWNER = "your-github-owner";

  private DeployRolesApp() {}

  /** Synthesizes the roles stack of the account of the context's environment. */
  public static void main(String[] args) {
    DeploymentConfig config = DeploymentConfig.load();
    if (EXAMPLE_OWNER.equals(config.owner())) {
      throw new IllegalArgumentException(
          DeploymentConfig.FILE
              + ": github.owner is still the example '"
              + EXAMPLE_OWNER
              + "': set the repository's owner (and each environment's account) first");
    }
    App app = new App();
    build(app, ServiceProperties.load(), config);
    Aspects.of(app).add(new AwsSolutionsChecks());
    app.synth();
  }

  /** Adds the roles stack of the account of the app's environment to {@code app}. */
  static DeployRolesStack build(App app, ServiceProperties service, DeploymentConfig config) {
    Object context = app.getNode().tryGetContext(StackConfig.ENVIRONMENT_KEY);
    DeploymentEnvironment environment =
        context == null
            ? DeploymentEnvironment.DEV
            : DeploymentEnvironment.fromContext(context.toString());
    String account = config.account(environment);
    return new DeployRolesStack(
        app,
        stackName(service),
        StackProps.builder()
            .stackName(stackName(service))
            .description(
                "The roles GitHub Actions deploy "
                    + service.serviceName()
                    + " with, in account "
                    + account)
            .env(Environment.builder().account(account).region(service.region()).build())
            .terminationProtection(true)
            .build(),
        service,
        config,
        config.environmentsIn(account));
  }

  /** The roles stack's name: one per service and account. */
  public static String stackName(ServiceProperties service) {
    return service.serviceName() + "-github-deploy-roles";
  }
}
