package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Runtime;

class ServicePropertiesTest {

  @Test
  void load_readsTheValuesMavenFilteredIn() {
    // When
    ServiceProperties properties = ServiceProperties.load();

    // Then
    assertThat(properties.serviceName()).matches("[a-z][a-z0-9-]{2,39}");
    assertThat(properties.javaVersion()).isIn("21", "25");
    assertThat(properties.architectureName()).isIn("arm64", "x86_64");
    assertThat(properties.region()).matches("[a-z]{2}(-[a-z]+)+-[0-9]");
    assertThat(properties.lambdaJarName()).isEqualTo(properties.serviceName() + "-lambda");
    assertThat(properties.apiAuth()).isIn("iam", "none");
  }

  @Test
  void authorization_followsTheGeneratedChoice() {
    // Then
    assertThat(new ServiceProperties("s", "21", "arm64", "r", "j", "iam").authorization())
        .isEqualTo(AuthorizationType.IAM);
    assertThat(new ServiceProperties("s", "21", "arm64", "r", "j", "none").authorization())
        .isEqualTo(AuthorizationType.NONE);
    assertThatThrownBy(
            () -> new ServiceProperties("s", "21", "arm64", "r", "j", "cognito").authorization())
        .hasMessageContaining("iam or none");
  }

  @Test
  void runtimeAndArchitecture_followTheGeneratedChoices() {
    // Then
    assertThat(new ServiceProperties("s", "21", "arm64", "r", "j", "iam").runtime().getName())
        .isEqualTo(Runtime.JAVA_21.getName());
    assertThat(new ServiceProperties("s", "25", "x86_64", "r", "j", "iam").runtime().getName())
        .isEqualTo("java25");
    assertThat(new ServiceProperties("s", "25", "x86_64", "r", "j", "iam").architecture().getName())
        .isEqualTo(Architecture.X86_64.getName());
    assertThat(new ServiceProperties("s", "21", "arm64", "r", "j", "iam").architecture().getName())
        .isEqualTo("arm64");
  }

  @Test
  void unsupportedJavaVersion_fails() {
    // Then
    assertThatThrownBy(() -> new ServiceProperties("s", "17", "arm64", "r", "j", "iam").runtime())
        .hasMessageContaining("Java 17");
  }

  @Test
  void lambdaJar_isFoundFromTheInfraFolder() {
    // When: tests run in infra/, cdk at the repository root
    Path jar = ServiceProperties.load().lambdaJar();

    // Then
    assertThat(jar).isRegularFile();
    assertThat(jar.getParent()).endsWith(Path.of("service", "target"));
  }

  @Test
  void repositoryRoot_isTheFolderWithCdkJsonAndService(@TempDir Path root) throws Exception {
    // Given
    Files.writeString(root.resolve("cdk.json"), "{}");
    Files.createDirectories(root.resolve("service"));
    Path deep = Files.createDirectories(root.resolve("infra/src/test"));

    // Then
    assertThat(ServiceProperties.repositoryRoot(deep)).isEqualTo(root);
    assertThatThrownBy(() -> ServiceProperties.repositoryRoot(root.getParent()))
        .hasMessageContaining("No repository root");
  }
}
