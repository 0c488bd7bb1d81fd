package ${package}.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The cold-start benchmark's {@code name=value} arguments; paths are relative to the repository
 * root, where {@code make cold-start} runs it.
 *
 * @param jar the Lambda jar (default: the one the service module builds)
 * @param runs measured starts per function and variant
 * @param warmups starts before those, not counted
 * @param functions function names to start (default: every route's)
 * @param compare also start without the stack's JAVA_TOOL_OPTIONS, alternating
 * @param warm requests to one JVM per function and options for the warm latency (0: none)
 * @param template the synthesized template, or the folder of the cloud assembly that holds it
 * @param openApi the API contract, for the request bodies
 * @param featureFlags the flags document the local AppConfig serves
 * @param logs where each start's output goes
 */
record BenchmarkOptions(
    Path jar,
    int runs,
    int warmups,
    List<String> functions,
    boolean compare,
    int warm,
    Path template,
    Path openApi,
    Path featureFlags,
    Path logs) {

  /** Reads {@code name=value} pairs; every name has a default. */
  static BenchmarkOptions parse(String... args) {
    Map<String, String> values = new HashMap<>();
    for (String arg : args) {
      String[] nameAndValue = arg.split("=", 2);
      if (nameAndValue.length != 2) {
        throw new IllegalArgumentException("Expected name=value, got: " + arg);
      }
      values.put(nameAndValue[0], nameAndValue[1]);
    }
    String functions = values.getOrDefault("functions", "");
    BenchmarkOptions options =
        new BenchmarkOptions(
            Path.of(values.getOrDefault("jar", buildProperty("lambda.jar"))),
            Integer.parseInt(values.getOrDefault("runs", "10")),
            Integer.parseInt(values.getOrDefault("warmups", "1")),
            functions.isBlank() ? List.of() : Arrays.asList(functions.split(",")),
            Boolean.parseBoolean(values.getOrDefault("compare", "false")),
            Integer.parseInt(values.getOrDefault("warm", "1000")),
            Path.of(values.getOrDefault("template", "target/synth/dev")),
            Path.of(values.getOrDefault("openapi", "api/openapi.yaml")),
            Path.of(
                values.getOrDefault(
                    "feature-flags", "infra/src/main/resources/appconfig/feature-flags.json")),
            Path.of(values.getOrDefault("logs", "local/target/cold-start")));
    if (options.runs() < 1 || options.warmups() < 0 || options.warm() < 0) {
      throw new IllegalArgumentException("runs must be at least 1, warmups and warm at least 0");
    }
    return options;
  }

  /** A value the build wrote into local-tools.properties (from the root pom). */
  private static String buildProperty(String name) {
    try (InputStream in = BenchmarkOptions.class.getResourceAsStream("/local-tools.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String value = properties.getProperty(name);
      if (value == null) {
        throw new IllegalStateException("local-tools.properties has no " + name);
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
