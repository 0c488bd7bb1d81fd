package ${package}.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * Synthesizes the app once per deployment environment, in one JVM, for {@code make synth} (which
 * {@code make compliance} reads): the CDK CLI would start the JVM and jsii three times. Each
 * environment gets the context of cdk.json plus its name, as {@code cdk synth -c environment=NAME}
 * gives it, and a folder of its own: OUTDIR/dev, OUTDIR/staging and OUTDIR/production, with the
 * service stack, the account's API Gateway role and the deploy roles of the environment's account.
 * Where deployment.json names no alarm subscriber, these templates, checked and never deployed,
 * subscribe {@link #CHECK_ALARM_EMAIL}.
 */
final class EveryEnvironment {

  /** The alarm subscriber of the checked templates of an environment that names none. */
  static final String CHECK_ALARM_EMAIL = "alarms@example.invalid";

  private EveryEnvironment() {}

  /** Writes the templates of every environment under {@code outdir}. */
  static void synth(Path outdir, Path cdkJson) {
    Map<String, Object> projectContext = context(cdkJson);
    ServiceProperties service = ServiceProperties.load();
    DeploymentConfig deployment = DeploymentConfig.load();
    for (DeploymentEnvironment environment : DeploymentEnvironment.values()) {
      Map<String, Object> context = new TreeMap<>(projectContext);
      context.put(StackConfig.ENVIRONMENT_KEY, environment.contextName());
      if (deployment.environments().get(environment).alarmEmail() == null) {
        context.put(StackConfig.ALARM_EMAIL_KEY, CHECK_ALARM_EMAIL);
      }
      // Resources name their construct path, as with the CLI, so findings point at the code.
      context.put("aws:cdk:enable-path-metadata", true);
      // The templates are checked, never deployed: the Lambda jar need not be copied thrice.
      context.put("aws:cdk:disable-asset-staging", true);
      try {
        Path dir = Files.createDirectories(outdir.resolve(environment.contextName()));
        App app = new App(AppProps.builder().context(context).outdir(dir.toString()).build());
        InfraApp.build(app, service, deployment);
        DeployRolesApp.build(app, service, deployment);
        app.synth();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the templates to " + outdir, e);
      }
    }
  }

  private static Map<String, Object> context(Path cdkJson) {
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> context = new TreeMap<>();
    try {
      JsonNode node = json.readTree(cdkJson.toFile()).path("context");
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        context.put(entry.getKey(), json.treeToValue(entry.getValue(), Object.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the context of " + cdkJson, e);
    }
    return context;
  }
}
