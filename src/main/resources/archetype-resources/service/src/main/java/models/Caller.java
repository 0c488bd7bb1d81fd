package ${package}.models;

import java.util.regex.Pattern;

/**
 * The AWS principal that signed a request, as API Gateway's IAM authorization identified it: the
 * account and the unique id of the IAM role or user ({@code AROA...}, {@code AIDA...}), of a
 * federated user ({@code <account>:<name>}) or of a Cognito identity. The id is stable across
 * sessions and credential refreshes, unlike the session name, user ARN or access key, so a retry
 * with fresh credentials is still the same caller. People who share one role (an IAM Identity
 * Center permission set, say) are one caller.
 */
public record Caller(String accountId, String principalId) {

  /** Account ids: letters, digits and a few punctuation marks, never a space. */
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_.@+=,-]{1,128}$");

  /** Principal ids may also hold colons (federated users, Cognito identities), never a space. */
  private static final Pattern PRINCIPAL =
      Pattern.compile("^[A-Za-z0-9_.@+=,-][A-Za-z0-9_.@+=,:-]{0,255}$");

  /** Rejects ids that could blur the boundary of the caller's key space. */
  public Caller {
    if (accountId == null || !ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("Not an AWS account id: " + accountId);
    }
    if (principalId == null || !PRINCIPAL.matcher(principalId).matches()) {
      throw new IllegalArgumentException("Not an IAM principal id: " + principalId);
    }
  }

  /**
   * The caller of a signed request from API Gateway's {@code identity.accountId} and {@code
   * identity.caller}. For a role, {@code caller} is {@code <role id>:<session name>} and the
   * principal is the role id; a federated user's {@code <account>:<name>} is kept whole, since its
   * first part names only the account.
   */
  public static Caller fromIdentity(String accountId, String caller) {
    int colon = caller == null ? -1 : caller.indexOf(':');
    if (colon < 0 || caller.substring(0, colon).equals(accountId)) {
      return new Caller(accountId, caller);
    }
    return new Caller(accountId, caller.substring(0, colon));
  }

  /** {@code <account id>:<principal id>}. */
  public String id() {
    return accountId + ":" + principalId;
  }
}
