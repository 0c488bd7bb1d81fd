package ${package}.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Makes every log group of the stack the same way: kept a year, removed or retained with the stack
 * as its environment says, and encrypted with the stack's own logs key. A year and a KMS key are
 * what AWS Control Tower asks of log groups (CT.CLOUDWATCH.PR.2 and PR.3); dev stacks delete their
 * logs with the stack, so a short-lived branch stack does not keep them a year.
 */
public class StackLogs extends Construct {

  /** How long every log group keeps its events: the least CT.CLOUDWATCH.PR.2 accepts. */
  public static final RetentionDays RETENTION = RetentionDays.ONE_YEAR;

  private final RemovalPolicy removalPolicy;
  private final Key key;

  /** Creates the logs key; {@code removalPolicy} applies to it and to every log group. */
  public StackLogs(Construct scope, String id, RemovalPolicy removalPolicy) {
    super(scope, id);
    this.removalPolicy = removalPolicy;
    Stack stack = Stack.of(this);
    key =
        EncryptionKeys.create(
            this, "Key", "Encrypts the log groups of " + stack.getStackName(), removalPolicy);
    // CloudWatch Logs encrypts on the server side, through its regional service principal, and
    // only for log groups of this account and region (the encryption context names the group).
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("AllowCloudWatchLogs")
            .effect(Effect.ALLOW)
            .principals(
                List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
            .actions(
                List.of(
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*"))
            .resources(List.of("*"))
            .conditions(
                Map.of(
                    "ArnLike",
                    Map.of(
                        "kms:EncryptionContext:aws:logs:arn",
                        stack.formatArn(
                            ArnComponents.builder()
                                .service("logs")
                                .resource("log-group")
                                .resourceName("*")
                                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                .build()))))
            .build());
  }

  /** A log group named by CloudFormation. */
  public LogGroup logGroup(Construct scope, String id) {
    return builder(scope, id).build();
  }

  /** A log group with a name the writing service requires. */
  public LogGroup logGroup(Construct scope, String id, String name) {
    return builder(scope, id).logGroupName(name).build();
  }

  private LogGroup.Builder builder(Construct scope, String id) {
    return LogGroup.Builder.create(scope, id)
        .retention(RETENTION)
        .encryptionKey(key)
        .removalPolicy(removalPolicy);
  }
}
