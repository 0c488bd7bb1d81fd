package ${package}.infra.constructs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * Every customer managed KMS key of the service is made here: rotation on, the stack's removal
 * policy, and a key policy that lets grants be made for AWS resources only (AWS Control Tower
 * CT.KMS.PR.3).
 */
public final class EncryptionKeys {

  /** Sid of the statement that limits grants to AWS services. */
  public static final String DENY_GRANTS_SID = "DenyGrantsExceptForAwsResources";

  private EncryptionKeys() {}

  /**
   * A rotating key. The default key policy gives the account {@code kms:*}, CreateGrant included;
   * the deny statement leaves grants to AWS services acting for an AWS resource (SNS, CloudWatch
   * Logs), so no principal of the account can hand the key to someone else.
   */
  public static Key create(
      Construct scope, String id, String description, RemovalPolicy removalPolicy) {
    Key key =
        Key.Builder.create(scope, id)
            .description(description)
            .enableKeyRotation(true)
            .removalPolicy(removalPolicy)
            .build();
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid(DENY_GRANTS_SID)
            .effect(Effect.DENY)
            .principals(List.of(new AnyPrincipal()))
            .actions(List.of("kms:CreateGrant"))
            .resources(List.of("*"))
            .conditions(
                Map.of(
                    "BoolIfExists",
                    // Sorted: Map.of iterates in an order that changes from one JVM to the next.
                    new TreeMap<>(
                        Map.of(
                            "kms:GrantIsForAWSResource", "false",
                            "aws:PrincipalIsAWSService", "false"))))
            .build());
    return key;
  }
}
