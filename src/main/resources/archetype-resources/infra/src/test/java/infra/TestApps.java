package ${package}.infra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;

/** Builds apps and stacks for the infra tests. */
public final class TestApps {

  /**
   * Service stacks already built, by context and {@code api.auth}: a synthesis takes about a
   * second, and most test classes read the same few stacks.
   */
  private static final Map<String, ServiceStack> BUILT = new ConcurrentHashMap<>();

  /** The alarm subscriber of the test stacks of staging and production. */
  public static final String TEST_ALARM_EMAIL = "alarms@example.invalid";

  private TestApps() {}

  /**
   * The service stack exactly as {@code cdk synth} builds it, cdk-nag included. Test classes share
   * it: read it, never add to it ({@link #newServiceStack} gives one of your own).
   */
  public static ServiceStack serviceStack(Map<String, Object> context) {
    return serviceStack(context, ServiceProperties.load().apiAuth());
  }

  /**
   * The service stack as {@code cdk synth} builds it with {@code api.auth} set to {@code apiAuth},
   * shared as {@link #serviceStack(Map)} is.
   */
  public static ServiceStack serviceStack(Map<String, Object> context, String apiAuth) {
    return BUILT.computeIfAbsent(
        new TreeMap<>(context) + " " + apiAuth, key -> newServiceStack(context, apiAuth));
  }

  /** A service stack of the test's own, as {@code cdk synth} builds it, to change. */
  public static ServiceStack newServiceStack(Map<String, Object> context, String apiAuth) {
    ServiceProperties generated = ServiceProperties.load();
    return InfraApp.build(
        app(context),
        new ServiceProperties(
            generated.serviceName(),
            generated.javaVersion(),
            generated.architectureName(),
            generated.region(),
            generated.lambdaJarName(),
            apiAuth),
        deployment());
  }

  /** The repository's deployment.json, as the apps read it. */
  public static DeploymentConfig deployment() {
    return DeploymentConfig.load();
  }

  /** A bare stack to test one construct in. */
  public static Stack bareStack() {
    return new Stack(app(Map.of()), "TestStack");
  }

  /**
   * An app with the context of cdk.json (its feature flags), as {@code cdk synth} runs it, that
   * synthesizes under target/, not the system temp folder, and refers to assets where they are
   * instead of copying the 15 MB Lambda jar into every test synthesis.
   */
  public static App app(Map<String, Object> context) {
    try {
      Map<String, Object> appContext = new HashMap<>(cdkJsonContext());
      appContext.putAll(context);
      // Staging and production need an alarm subscriber; the tests name one.
      if (!"dev".equals(appContext.getOrDefault(StackConfig.ENVIRONMENT_KEY, "dev"))) {
        appContext.putIfAbsent(StackConfig.ALARM_EMAIL_KEY, TEST_ALARM_EMAIL);
      }
      appContext.put("aws:cdk:disable-asset-staging", true);
      Path target = Files.createDirectories(Path.of("target"));
      Path outdir = Files.createTempDirectory(target, "cdk.out-");
      return new App(AppProps.builder().context(appContext).outdir(outdir.toString()).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> cdkJsonContext() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode context = json.readTree(Path.of("..", "cdk.json").toFile()).get("context");
    return json.convertValue(context, new TypeReference<Map<String, Object>>() {});
  }

  /** A stand-in for the Lambda jar, for construct tests that only need some code asset. */
  public static Code placeholderCode() {
    try {
      Path dir = Files.createDirectories(Path.of("target", "placeholder-lambda-code"));
      Files.writeString(dir.resolve("placeholder.txt"), "construct test");
      return Code.fromAsset(dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
