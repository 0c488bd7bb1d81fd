package ${package}.infra;

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

  /** A bare stack to test one construct in. */
  public static Stack bareStack() {
    return new Stack(app(Map.of()), "TestStack");
  }

  /**
   * An app that synthesizes under target/, not the system temp folder, and refers to assets where
   * they are instead of copying the 15 MB Lambda jar into every test synthesis.
   */
  public static App app(Map<String, Object> context) {
    Map<String, Object> withoutStaging = new HashMap<>(context);
    withoutStaging.put("aws:cdk:disable-asset-staging", true);
    try {
      Path target = Files.createDirectories(Path.of("target"));
      Path outdir = Files.createTempDirectory(target, "cdk.out-");
      return new App(AppProps.builder().context(withoutStaging).outdir(outdir.toString()).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
