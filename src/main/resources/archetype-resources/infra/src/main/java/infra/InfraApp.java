package ${package}.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: the service stack of the environment and branch given in the context, and the
 * account's API Gateway logging role it needs ({@link ApiGatewayAccountStack}).
 */
public final class InfraApp {

  private InfraApp() {}

  /**
   * Synthesizes the app; cdk.json runs it through infra/bin/cdk-app.sh. With an argument OUTDIR,
   * synthesizes every environment under it instead ({@code make compliance}).
   */
  public static void main(String[] args) {
    if (args.length > 0) {
      EveryEnvironment.synth(Path.of(args[0]), Path.of("cdk.json"));
      return;
    }
    App app = new App();
    build(app, ServiceProperties.load(), DeploymentConfig.load());
    app.synth();
  }

  /** Adds the stacks and the cdk-nag checks to {@code app}; returns the service stack. */
  static ServiceStack build(App app, ServiceProperties service, DeploymentConfig deployment) {
    StackConfig config = StackConfig.fromContext(app.getNode(), service, deployment);
    Environment environment =
        Environment.builder()
            .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
            .region(service.region())
            .build();
    ApiGatewayAccountStack account =
        new ApiGatewayAccountStack(
            app,
            StackProps.builder()
                .stackName(ApiGatewayAccountStack.STACK_NAME)
                .description("The CloudWatch role API Gateway writes execution logs with")
                .env(environment)
                .build());
    ServiceStack stack =
        ServiceStack.create(
            app,
            config,
            StackProps.builder()
                .stackName(config.stackName())
                .description(
                    "The "
                        + service.serviceName()
                        + " service ("
                        + config.environment().contextName()
                        + ")")
                .env(environment)
                .terminationProtection(config.environment().keepsData())
                .build());
    // deploy --all puts the account setting in place first: execution logging fails without it.
    stack.addStackDependency(account);
    Aspects.of(app).add(new AwsSolutionsChecks());
    return stack;
  }
}
