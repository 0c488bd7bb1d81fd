package ${package}.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StackNamesTest {

  /** CloudFormation's rule for stack names. */
  private static final String STACK_NAME = "[A-Za-z][A-Za-z0-9-]{0,127}";

  @Test
  void devWithoutBranch_isServiceAndEnvironment() {
    // When
    String name = StackNames.stackName("orders", DeploymentEnvironment.DEV, null);

    // Then
    assertThat(name).isEqualTo("orders-dev");
  }

  @Test
  void simpleBranch_isAddedAsItIs() {
    // When
    String name = StackNames.stackName("orders", DeploymentEnvironment.DEV, "main");

    // Then
    assertThat(name).isEqualTo("orders-dev-main");
  }

  @ParameterizedTest
  @EnumSource(
      value = DeploymentEnvironment.class,
      names = {"STAGING", "PRODUCTION"})
  void branch_isIgnoredOutsideDev(DeploymentEnvironment environment) {
    // When
    String name = StackNames.stackName("orders", environment, "feature/x");

    // Then
    assertThat(name).isEqualTo("orders-" + environment.contextName());
  }

  @Test
  void longBranchWithSlashes_givesAValidShortStackName() {
    // Given: 80 characters with slashes, dots and capitals
    String branch =
        "feature/JIRA-1234/a.very.long_description-of/the-change-that-this-branch-makes-x";
    assertThat(branch).hasSize(80);

    // When
    String name =
        StackNames.stackName(
            "a-forty-character-service-name-abcdefghi", DeploymentEnvironment.DEV, branch);

    // Then
    assertThat(name)
        .matches(STACK_NAME)
        .startsWith("a-forty-character-service-name-abcdefghi-dev-feature-jira-12")
        .doesNotContain("--");
    assertThat(name.length())
        .isLessThanOrEqualTo(40 + "-dev-".length() + StackNames.MAX_BRANCH_LENGTH);
  }

  @Test
  void changedBranchName_isStableAndDistinctFromItsSanitisedLookAlike() {
    // When
    String slashed = StackNames.stackName("orders", DeploymentEnvironment.DEV, "feature/a");
    String again = StackNames.stackName("orders", DeploymentEnvironment.DEV, "feature/a");
    String hyphenated = StackNames.stackName("orders", DeploymentEnvironment.DEV, "feature-a");

    // Then
    assertThat(slashed).isEqualTo(again).matches("orders-dev-feature-a-[0-9a-f]{8}");
    assertThat(hyphenated).isEqualTo("orders-dev-feature-a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"///", "ÄÖÜ", "-", "_leading", "trailing/"})
  void oddBranches_stillGiveValidNames(String branch) {
    // When
    String name = StackNames.stackName("orders", DeploymentEnvironment.DEV, branch);

    // Then
    assertThat(name).matches(STACK_NAME).doesNotEndWith("-").doesNotContain("--");
  }
}
