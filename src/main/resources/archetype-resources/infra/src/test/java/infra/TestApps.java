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
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;

/** Builds apps and stacks for the infra tests. */
public final class TestApps {

  private TestApps() {}

  /** The service stack exactly as {@code cdk synth} builds it, cdk-nag included. */
  public static ServiceStack serviceStack(Map<String, Object> context) {
    return InfraApp.build(app(context), ServiceProperties.load());
  }

  /**
   * The service stack as {@code cdk synth} builds it with {@code api.auth} set to {@code apiAuth}.
   */
  public static ServiceStack serviceStack(Map<String, Object> context, String apiAuth) {
    ServiceProperties generated = ServiceProperties.load();
    return InfraApp.build(
        app(context),
        new ServiceProperties(
            generated.serviceName(),
            generated.javaVersion(),
            generated.architectureName(),
            generated.region(),
            generated.lambdaJarName(),
            apiAuth));
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
