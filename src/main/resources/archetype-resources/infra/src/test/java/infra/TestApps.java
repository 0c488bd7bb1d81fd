package ${package}.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    App app = new App(AppProps.builder().context(context).build());
    return InfraApp.build(app, ServiceProperties.load());
  }

  /** A bare stack to test one construct in. */
  public static Stack bareStack() {
    return new Stack(new App(), "TestStack");
  }

  /** A stand-in for the Lambda jar, for construct tests that only need some code asset. */
  public static Code placeholderCode() {
    try {
      Path dir = Files.createTempDirectory("lambda-code");
      Files.writeString(dir.resolve("placeholder.txt"), "construct test");
      return Code.fromAsset(dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
