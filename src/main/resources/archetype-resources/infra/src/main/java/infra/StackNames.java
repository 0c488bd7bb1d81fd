package ${package}.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Builds stack names: {@code <service>-<environment>}, plus the branch for dev stacks so that pull
 * requests deploy side by side.
 */
public final class StackNames {

  /** Longest branch part kept as it is; longer or altered names are shortened and hashed. */
  static final int MAX_BRANCH_LENGTH = 24;

  private static final int HASH_LENGTH = 8;

  private StackNames() {}

  /**
   * The stack name. The branch is ignored outside dev, so staging and production keep one stack
   * each whatever branch deploys them.
   */
  public static String stackName(
      String serviceName, DeploymentEnvironment environment, String branch) {
    String base = serviceName + "-" + environment.contextName();
    if (environment != DeploymentEnvironment.DEV || branch == null || branch.isBlank()) {
      return base;
    }
    return base + "-" + branchPart(branch.strip());
  }

  /**
   * A branch name as a stack name part: lowercase letters, digits and single hyphens. A name that
   * had to be changed or shortened gets a hash of the original, so that {@code feature/a} and
   * {@code feature-a} still get different stacks, always the same one for the same branch.
   */
  static String branchPart(String branch) {
    String sanitised =
        branch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (sanitised.equals(branch) && sanitised.length() <= MAX_BRANCH_LENGTH) {
      return sanitised;
    }
    String prefix =
        sanitised.substring(0, Math.min(sanitised.length(), MAX_BRANCH_LENGTH - HASH_LENGTH - 1));
    prefix = prefix.replaceAll("-+$", "");
    String hash = sha256Hex(branch).substring(0, HASH_LENGTH);
    return prefix.isEmpty() ? hash : prefix + "-" + hash;
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
