package ${package}.infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigateway.CfnAccount;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The account setting that API Gateway execution logs need: the IAM role API Gateway writes
 * CloudWatch logs with. There is one such setting per account and region, shared by every API, so
 * it is not part of any service stack (deleting one would break the logs of the others): it lives
 * in a stack of its own with a fixed name and the same template whichever service, branch or
 * environment deploys it, so deploying it again changes nothing. Role and setting are kept when the
 * stack is deleted.
 */
public class ApiGatewayAccountStack extends Stack {

  /** The stack's name, and its id in the app: one per account and region. */
  public static final String STACK_NAME = "api-gateway-cloudwatch-role";

  /** Creates the role and points the account setting at it. */
  public ApiGatewayAccountStack(Construct scope, StackProps props) {
    super(scope, STACK_NAME, props);
    Role role =
        Role.Builder.create(this, "CloudWatchRole")
            .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
            .description("Lets API Gateway write the execution logs of the REST APIs")
            .managedPolicies(
                List.of(
                    ManagedPolicy.fromAwsManagedPolicyName(
                        "service-role/AmazonAPIGatewayPushToCloudWatchLogs")))
            .build();
    role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    CfnAccount account =
        CfnAccount.Builder.create(this, "Account").cloudWatchRoleArn(role.getRoleArn()).build();
    account.applyRemovalPolicy(RemovalPolicy.RETAIN);
    NagRules.suppressAccountStackFindings(this);
  }
}
