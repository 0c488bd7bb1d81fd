package ${package}.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AuthorizationType;

/**
 * The cdk-nag AwsSolutions findings the service accepts, each with its rule and its reason. Any
 * other finding fails {@code cdk synth} and the infra tests.
 */
final class NagRules {

  private NagRules() {}

  /** Suppresses, for the whole stack, the findings this service accepts by design. */
  static void suppressAcceptedFindings(Stack stack, StackConfig config) {
    NagSuppressions.addStackSuppressions(
        stack,
        List.of(
            suppression(
                "AwsSolutions-IAM5",
                "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level"
                    + " permissions; every other statement names its resource",
                List.of("Resource::*")),
            suppression(
                "AwsSolutions-APIG2",
                "The handlers validate each body and answer RFC 9457 problems listing every bad"
                    + " field; a gateway validator would answer in another format")));
    if (config.service().authorization() == AuthorizationType.IAM) {
      NagSuppressions.addStackSuppressions(
          stack,
          List.of(
              suppression(
                  "AwsSolutions-COG4",
                  "Callers are AWS principals that sign with SigV4 (AWS_IAM on every method); IAM"
                      + " policies grant execute-api:Invoke, no Cognito user pool is involved")));
    } else {
      String open =
          "The orders API is open by design (api.auth=none in pom.xml); set api.auth to iam"
              + " before it holds real customer data";
      NagSuppressions.addStackSuppressions(
          stack,
          List.of(suppression("AwsSolutions-APIG4", open), suppression("AwsSolutions-COG4", open)));
    }
    if (!config.wafEnabled()) {
      NagSuppressions.addStackSuppressions(
          stack,
          List.of(
              suppression(
                  "AwsSolutions-APIG3",
                  "WAF runs in production only, for cost; turn it on elsewhere with -c waf=true")));
    }
    if (!"25".equals(config.service().javaVersion())) {
      NagSuppressions.addStackSuppressions(
          stack,
          List.of(
              suppression(
                  "AwsSolutions-L1",
                  "The Java version was chosen at generation (javaVersion); the runtime follows"
                      + " it, and regenerating with -DjavaVersion=25 moves to the newest one")));
    }
  }

  /** Suppresses the findings of the account's API Gateway logging role stack. */
  static void suppressAccountStackFindings(Stack stack) {
    NagSuppressions.addStackSuppressions(
        stack,
        List.of(
            suppression(
                "AwsSolutions-IAM4",
                "AmazonAPIGatewayPushToCloudWatchLogs is the policy AWS documents for API"
                    + " Gateway's account role: it writes the execution logs of any API",
                List.of(
                    "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                        + "AmazonAPIGatewayPushToCloudWatchLogs"))));
  }

  private static NagPackSuppression suppression(String rule, String reason) {
    return NagPackSuppression.builder().id(rule).reason(reason).build();
  }

  private static NagPackSuppression suppression(
      String rule, String reason, List<String> appliesTo) {
    return NagPackSuppression.builder().id(rule).reason(reason).appliesTo(appliesTo).build();
  }
}
