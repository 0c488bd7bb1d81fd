package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** make compliance's synthesis: every environment's stacks in a folder of its own, in one run. */
class EveryEnvironmentTest {

  @Test
  void synth_writesTheStacksOfEveryEnvironment() throws IOException {
    // Given
    Path outdir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "every-");
    Path cdkJson =
        ServiceProperties.repositoryRoot(Path.of("").toAbsolutePath()).resolve("cdk.json");
    String service = ServiceProperties.load().serviceName();

    // When
    EveryEnvironment.synth(outdir, cdkJson);

    // Then
    for (DeploymentEnvironment environment : DeploymentEnvironment.values()) {
      try (Stream<Path> files = Files.list(outdir.resolve(environment.contextName()))) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .filteredOn(name -> name.endsWith(".template.json"))
            .containsExactlyInAnyOrder(
                ApiGatewayAccountStack.STACK_NAME + ".template.json",
                service + "-" + environment.contextName() + ".template.json",
                service + "-github-deploy-roles.template.json");
      }
    }
  }
}
