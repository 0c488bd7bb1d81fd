package ${package}.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stand-in for a signed caller. The local API checks no signature; a request may instead
 * name its caller in the {@value #HEADER} header, which exists only here, as an IAM principal ARN.
 * The identity is then filled in as API Gateway's IAM authorization fills it for that principal:
 * account, caller ({@code <unique id>} for a user, {@code <unique id>:<session>} for an assumed
 * role) and ARN. The unique id is made up from the ARN, the same on every request.
 *
 * @param accountId the principal's account
 * @param caller what API Gateway puts in {@code identity.caller}
 * @param arn the principal's ARN
 */
record LocalCaller(String accountId, String caller, String arn) {

  /**
   * The header, local only, that names the caller: {@code arn:aws:iam::111111111111:user/alice}.
   */
  static final String HEADER = "X-Local-Caller";

  /** What the local API answers for a header that names no principal. */
  static final String INVALID =
      HEADER
          + " must be an IAM principal ARN, such as arn:aws:iam::111111111111:user/alice or"
          + " arn:aws:sts::111111111111:assumed-role/role-name/session-name";

  private static final Pattern USER =
      Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):user/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})$");
  private static final Pattern ASSUMED_ROLE =
      Pattern.compile(
          "^arn:aws[a-z-]*:sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/([\\w+=,.@-]{2,64})$");

  /** The caller an ARN names, or empty when it names no IAM user or assumed role. */
  static Optional<LocalCaller> fromArn(String arn) {
    Matcher user = USER.matcher(arn);
    if (user.matches()) {
      return Optional.of(new LocalCaller(user.group(1), uniqueId("AIDA", arn), arn));
    }
    Matcher role = ASSUMED_ROLE.matcher(arn);
    if (role.matches()) {
      String roleArn = "arn:aws:iam::" + role.group(1) + ":role/" + role.group(2);
      return Optional.of(
          new LocalCaller(role.group(1), uniqueId("AROA", roleArn) + ":" + role.group(3), arn));
    }
    return Optional.empty();
  }

  /** Fills the identity of a proxy event as API Gateway does for this signed principal. */
  void fill(RequestIdentity identity) {
    identity.setAccountId(accountId);
    identity.setCaller(caller);
    identity.setUser(caller);
    identity.setUserArn(arn);
  }

  /** A made-up IAM unique id: the prefix of its kind and 17 characters derived from the ARN. */
  private static String uniqueId(String prefix, String arn) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
      return prefix + HexFormat.of().formatHex(digest).substring(0, 17).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
