package ${package}.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import software.amazon.awscdk.RemovalPolicy;

/** Where a stack runs: sets what each environment keeps and protects. */
public enum DeploymentEnvironment {
  /** Per-developer and per-pull-request stacks: cheap, and removed completely on destroy. */
  DEV(false, false),
  /** The pre-production stack of the main branch. */
  STAGING(false, false),
  /** Production: keeps its data when the stack goes, and sits behind a web application firewall. */
  PRODUCTION(true, true);

  private final boolean keepsData;
  private final boolean wafByDefault;

  DeploymentEnvironment(boolean keepsData, boolean wafByDefault) {
    this.keepsData = keepsData;
    this.wafByDefault = wafByDefault;
  }

  /** Parses the CDK context value ({@code dev}, {@code staging} or {@code production}). */
  public static DeploymentEnvironment fromContext(String value) {
    return Arrays.stream(values())
        .filter(environment -> environment.contextName().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown environment '"
                        + value
                        + "': use one of "
                        + Arrays.stream(values())
                            .map(DeploymentEnvironment::contextName)
                            .collect(Collectors.joining(", "))));
  }

  /** The name used in the CDK context and in stack names. */
  public String contextName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when tables and logs must survive stack deletion, with deletion protection on. */
  public boolean keepsData() {
    return keepsData;
  }

  /** What happens to tables, logs and keys when the stack is deleted. */
  public RemovalPolicy removalPolicy() {
    return keepsData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  }

  /** True when the web application firewall is on unless the context turns it off. */
  public boolean wafByDefault() {
    return wafByDefault;
  }
}
