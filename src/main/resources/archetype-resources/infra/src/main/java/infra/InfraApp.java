package ${package}.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: one service stack for the environment and branch given in the context. */
public final class InfraApp {

  private InfraApp() {}

  /** Synthesizes the app; cdk.json runs it through infra/bin/cdk-app.sh. */
  public static void main(String[] args) {
    App app = new App();
    build(app, ServiceProperties.load());
    app.synth();
  }

  /** Adds the stack and the cdk-nag checks to {@code app}. */
  static ServiceStack build(App app, ServiceProperties service) {
    StackConfig config = StackConfig.fromContext(app.getNode(), service);
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
                .env(
                    Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(service.region())
                        .build())
                .terminationProtection(config.environment().keepsData())
                .build());
    Aspects.of(app).add(new AwsSolutionsChecks());
    return stack;
  }
}
