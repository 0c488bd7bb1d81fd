package ${package}.infra.constructs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.appconfig.Application;
import software.amazon.awscdk.services.appconfig.ConfigurationContent;
import software.amazon.awscdk.services.appconfig.ConfigurationType;
import software.amazon.awscdk.services.appconfig.DeploymentStrategy;
import software.amazon.awscdk.services.appconfig.Environment;
import software.amazon.awscdk.services.appconfig.HostedConfiguration;
import software.amazon.awscdk.services.appconfig.JsonSchemaValidator;
import software.amazon.awscdk.services.appconfig.RolloutStrategy;
import software.amazon.awscdk.services.appconfig.RolloutStrategyProps;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

import ${package}.handlers.HandlerConfig;

/**
 * Feature flags in AWS AppConfig: an application, an environment and a configuration profile
 * deployed from {@code appconfig/feature-flags.json}, checked by {@code
 * appconfig/feature-flags.schema.json} before any deployment.
 */
public class FeatureFlagsConstruct extends Construct {

  /** Name of the configuration profile. */
  public static final String PROFILE_NAME = "feature-flags";

  static final String FLAGS_RESOURCE = "/appconfig/feature-flags.json";
  static final String SCHEMA_RESOURCE = "/appconfig/feature-flags.schema.json";

  private final Application application;
  private final Environment environment;
  private final HostedConfiguration configuration;

  /**
   * Creates the AppConfig resources.
   *
   * @param environmentName the AppConfig environment, named after the deployment environment
   */
  public FeatureFlagsConstruct(Construct scope, String id, String environmentName) {
    super(scope, id);
    application =
        Application.Builder.create(this, "Application")
            .description("Feature flags of " + Stack.of(this).getStackName())
            .build();
    environment =
        Environment.Builder.create(this, "Environment")
            .application(application)
            .environmentName(environmentName)
            .build();
    configuration =
        HostedConfiguration.Builder.create(this, "FeatureFlags")
            .application(application)
            .name(PROFILE_NAME)
            .type(ConfigurationType.FREEFORM)
            .content(ConfigurationContent.fromInlineJson(resource(FLAGS_RESOURCE)))
            .validators(List.of(JsonSchemaValidator.fromInline(resource(SCHEMA_RESOURCE))))
            // At once and without bake time: no alarm watches the roll-out here, and a bake time
            // would only block the next deployment of the flags for ten minutes.
            .deploymentStrategy(
                DeploymentStrategy.Builder.create(this, "Immediate")
                    .description("Deploys the feature flags at once, without bake time")
                    .rolloutStrategy(
                        RolloutStrategy.linear(
                            RolloutStrategyProps.builder()
                                .growthFactor(100)
                                .deploymentDuration(Duration.minutes(0))
                                .finalBakeTime(Duration.minutes(0))
                                .build()))
                    .build())
            .deployTo(List.of(environment))
            .build();
  }

  /** Lets {@code grantee} read the flags of this profile and environment, and nothing else. */
  public void grantRead(IGrantable grantee) {
    String resource =
        Stack.of(this)
            .formatArn(
                ArnComponents.builder()
                    .service("appconfig")
                    .resource("application")
                    .resourceName(
                        application.getApplicationId()
                            + "/environment/"
                            + environment.getEnvironmentId()
                            + "/configuration/"
                            + configuration.getConfigurationProfileId())
                    .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                    .build());
    grantee
        .getGrantPrincipal()
        .addToPrincipalPolicy(
            PolicyStatement.Builder.create()
                .actions(
                    List.of(
                        "appconfig:StartConfigurationSession", "appconfig:GetLatestConfiguration"))
                .resources(List.of(resource))
                .build());
  }

  /** The AppConfig application id. */
  public String applicationId() {
    return application.getApplicationId();
  }

  /** The AppConfig environment id. */
  public String environmentId() {
    return environment.getEnvironmentId();
  }

  /** The configuration profile id. */
  public String profileId() {
    return configuration.getConfigurationProfileId();
  }

  /** The variables that tell a function where its flags are (see HandlerConfig). */
  public Map<String, String> environmentVariables() {
    return Map.of(
        HandlerConfig.APPCONFIG_APPLICATION, applicationId(),
        HandlerConfig.APPCONFIG_ENVIRONMENT, environmentId(),
        HandlerConfig.APPCONFIG_PROFILE, profileId());
  }

  static String resource(String name) {
    try (InputStream in = FeatureFlagsConstruct.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
