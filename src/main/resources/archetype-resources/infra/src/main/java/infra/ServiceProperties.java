package ${package}.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Runtime;

/**
 * The names chosen at generation, read from {@code service.properties} (filled by Maven from the
 * root pom.xml, their single source).
 */
public record ServiceProperties(
    String serviceName,
    String javaVersion,
    String architectureName,
    String region,
    String lambdaJarName,
    String apiAuth) {

  private static final String RESOURCE = "/service.properties";

  /** Loads the properties Maven filtered into the class path. */
  public static ServiceProperties load() {
    Properties properties = new Properties();
    try (InputStream in = ServiceProperties.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the class path: build infra with Maven");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return new ServiceProperties(
        required(properties, "service.name"),
        required(properties, "java.version"),
        required(properties, "lambda.architecture"),
        required(properties, "aws.region"),
        required(properties, "lambda.jar.name"),
        required(properties, "api.auth"));
  }

  /** The Lambda runtime of the Java version chosen at generation. */
  public Runtime runtime() {
    return switch (javaVersion) {
      case "21" -> Runtime.JAVA_21;
      case "25" -> Runtime.JAVA_25;
      default -> throw new IllegalStateException("No Lambda runtime for Java " + javaVersion);
    };
  }

  /** The Lambda architecture chosen at generation. */
  public Architecture architecture() {
    return switch (architectureName) {
      case "arm64" -> Architecture.ARM_64;
      case "x86_64" -> Architecture.X86_64;
      default -> throw new IllegalStateException("Unknown Lambda architecture " + architectureName);
    };
  }

  /** How API callers authenticate: AWS Signature Version 4 (iam) or not at all (none). */
  public AuthorizationType authorization() {
    return switch (apiAuth) {
      case "iam" -> AuthorizationType.IAM;
      case "none" -> AuthorizationType.NONE;
      default -> throw new IllegalStateException("api.auth must be iam or none, not " + apiAuth);
    };
  }

  /**
   * The shaded Lambda jar, {@code service/target/<lambda.jar.name>.jar} under the repository root,
   * found from any working directory inside the repository (tests run in infra/, cdk at the root).
   */
  public Path lambdaJar() {
    Path jar =
        repositoryRoot(Path.of("").toAbsolutePath())
            .resolve("service")
            .resolve("target")
            .resolve(lambdaJarName + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Lambda jar " + jar + " not found: build it first with `mvn -pl service -am package`");
    }
    return jar;
  }

  static Path repositoryRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("cdk.json"))
          && Files.isDirectory(dir.resolve("service"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No repository root (a folder with cdk.json and service/) above " + start);
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(RESOURCE + " has no value for " + key);
    }
    return value;
  }
}
