package ${package}.models;

import java.util.regex.Pattern;

/**
 * The AWS principal that signed a request, as API Gateway's IAM authorization identified it: the
 * account and the unique id of the IAM role or user ({@code AROA...}, {@code AIDA...}). The id is
 * stable across sessions and credential refreshes, unlike the session name, user ARN or access key,
 * so a retry with fresh credentials is still the same caller.
 */
public record Caller(String accountId, String principalId) {

  /** Ids as AWS writes them: letters, digits and a few punctuation marks, never a space. */
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_.@+=,-]{1,128}$");

  /** Rejects ids that could blur the boundary of the caller's key space. */
  public Caller {
    if (accountId == null || !ID.matcher(accountId).matches()) {
      throw new IllegalArgumentException("Not an AWS account id: " + accountId);
    }
    if (principalId == null || !ID.matcher(principalId).matches()) {
      throw new IllegalArgumentException("Not an IAM principal id: " + principalId);
    }
  }

  /**
   * The caller of a signed request from API Gateway's {@code identity.accountId} and {@code
   * identity.caller}: the principal id is the part of {@code caller} before its first colon (for a
   * role, {@code caller} is {@code <role id>:<session name>}).
   */
  public static Caller fromIdentity(String accountId, String caller) {
    int colon = caller == null ? -1 : caller.indexOf(':');
    return new Caller(accountId, colon < 0 ? caller : caller.substring(0, colon));
  }

  /** {@code <account id>:<principal id>}. */
  public String id() {
    return accountId + ":" + principalId;
  }
}
