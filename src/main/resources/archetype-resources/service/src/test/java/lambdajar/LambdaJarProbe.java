package ${package}.lambdajar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a one-file Java program against the Lambda jar alone (built at {@code package}, named by
 * failsafe's {@code lambda.jar}), in a JVM of its own: what the shaded and minimized jar lacks
 * shows there, not on the test class path.
 */
final class LambdaJarProbe {

  private static final Path LAMBDA_JAR = Path.of(System.getProperty("lambda.jar"));

  /** What the program printed. */
  record Run(List<String> stdout, String stderr) {}

  private LambdaJarProbe() {}

  /**
   * Runs {@code source}, a class named {@code Probe}, with the jar and {@code extraClassPath} and
   * the given JVM options; fails unless it ends normally within a minute. Neither the endpoints nor
   * the configuration files of the developer's AWS setup reach it: the probe sees the SDK's own
   * resolution.
   */
  static Run run(Path folder, String source, List<Path> extraClassPath, List<String> jvmOptions)
      throws IOException, InterruptedException {
    assertThat(LAMBDA_JAR).as("the Lambda jar, built at package").isRegularFile();
    Path program = Files.writeString(folder.resolve("Probe.java"), source);
    List<String> classPath = new ArrayList<>(List.of(LAMBDA_JAR.toString()));
    extraClassPath.forEach(path -> classPath.add(path.toString()));
    Path stdout = folder.resolve("stdout.txt");
    Path stderr = folder.resolve("stderr.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A probe lives a few seconds, most of them compiling its source: C1 alone is enough.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), program.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AWS_ENDPOINT_URL"));
    Path missing = folder.resolve("no-aws-config");
    environment.put("AWS_CONFIG_FILE", missing.toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", missing.toString());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the probe did not end within a minute: " + Files.readString(stderr));
    }
    assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
    return new Run(Files.readAllLines(stdout, StandardCharsets.UTF_8), Files.readString(stderr));
  }
}
