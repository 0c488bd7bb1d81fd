package ${package}.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the service is deployed from and to, as {@code deployment.json} at the repository root
 * says: the GitHub repository whose workflows deploy, the production reviewers, the CDK bootstrap
 * qualifier, whether the account's GitHub OIDC provider is created here or exists already, and the
 * AWS account and alarm address of each environment. The deploy roles ({@link DeployRolesStack}),
 * the alarm subscriber of each service stack and {@code make github-setup} read it.
 *
 * @param owner the GitHub user or organisation that owns the repository
 * @param repository the repository's name
 * @param productionReviewers GitHub logins that may approve a production deployment
 * @param bootstrapQualifier the qualifier of {@code cdk bootstrap} ({@code hnb659fds} by default)
 * @param createOidcProvider true to create the account's GitHub OIDC provider, false when it exists
 * @param environments the account and alarm address of each environment
 */
public record DeploymentConfig(
    String owner,
    String repository,
    List<String> productionReviewers,
    String bootstrapQualifier,
    boolean createOidcProvider,
    Map<DeploymentEnvironment, Target> environments) {

  /** The file's name, at the repository root. */
  public static final String FILE = "deployment.json";

  private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern QUALIFIER = Pattern.compile("[a-z0-9]{1,10}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /**
   * Where one environment lives.
   *
   * @param account the AWS account id
   * @param alarmEmail the address subscribed to the stack's alarms, or null
   */
  public record Target(String account, String alarmEmail) {}

  /** Keeps copies of the lists. */
  public DeploymentConfig {
    productionReviewers = List.copyOf(productionReviewers);
    environments = Map.copyOf(environments);
  }

  /** Reads {@code deployment.json} of the repository this runs in. */
  public static DeploymentConfig load() {
    return load(ServiceProperties.repositoryRoot(Path.of("").toAbsolutePath()).resolve(FILE));
  }

  /** Reads and checks the file; a bad value fails with its name, the value and the rule. */
  public static DeploymentConfig load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    List<String> problems = new ArrayList<>();
    String owner = text(root.path("github").path("owner"), "github.owner", OWNER, problems);
    String repository =
        text(root.path("github").path("repository"), "github.repository", REPOSITORY, problems);
    List<String> reviewers = new ArrayList<>();
    root.path("github").path("productionReviewers").forEach(login -> reviewers.add(login.asText()));
    String qualifier =
        text(root.path("cdkBootstrapQualifier"), "cdkBootstrapQualifier", QUALIFIER, problems);
    String provider = root.path("githubOidcProvider").asText();
    if (!"create".equals(provider) && !"existing".equals(provider)) {
      problems.add("githubOidcProvider='" + provider + "' must be create or existing");
    }
    Map<DeploymentEnvironment, Target> environments =
        environments(root.path("environments"), problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(file + " is not valid: " + String.join("; ", problems));
    }
    return new DeploymentConfig(
        owner, repository, reviewers, qualifier, "create".equals(provider), environments);
  }

  private static Map<DeploymentEnvironment, Target> environments(
      JsonNode environments, List<String> problems) {
    Map<DeploymentEnvironment, Target> targets = new EnumMap<>(DeploymentEnvironment.class);
    for (DeploymentEnvironment environment : DeploymentEnvironment.values()) {
      String key = "environments." + environment.contextName();
      JsonNode node = environments.path(environment.contextName());
      String account = text(node.path("account"), key + ".account", ACCOUNT, problems);
      String email = node.path("alarmEmail").asText("");
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        problems.add(key + ".alarmEmail='" + email + "' must be an e-mail address or empty");
      }
      targets.put(environment, new Target(account, email.isEmpty() ? null : email));
    }
    return targets;
  }

  /** The account of the environment. */
  public String account(DeploymentEnvironment environment) {
    return environments.get(environment).account();
  }

  /** The environments deployed to {@code account}, in their order. */
  public List<DeploymentEnvironment> environmentsIn(String account) {
    return environments.keySet().stream()
        .sorted()
        .filter(environment -> account(environment).equals(account))
        .toList();
  }

  /** The OIDC subject of a workflow job that runs in the GitHub environment {@code environment}. */
  public String environmentSubject(DeploymentEnvironment environment) {
    return "repo:" + owner + "/" + repository + ":environment:" + environment.contextName();
  }

  /** The OIDC subject of a workflow job without environment on the main branch. */
  public String mainBranchSubject() {
    return "repo:" + owner + "/" + repository + ":ref:refs/heads/main";
  }

  private static String text(JsonNode node, String name, Pattern rule, List<String> problems) {
    String value = node.asText("");
    if (!rule.matcher(value).matches()) {
      problems.add(name + "='" + value + "' must match " + rule.pattern());
    }
    return value;
  }
}
