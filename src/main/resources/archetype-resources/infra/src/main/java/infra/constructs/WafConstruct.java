package ${package}.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * A regional WAFv2 web ACL in front of the API stage: AWS managed rule groups (common rule set,
 * known bad inputs, IP reputation, anonymous IPs) and a per-IP rate limit, logging to CloudWatch.
 */
public class WafConstruct extends Construct {

  /** CloudWatch log groups WAF writes to must have names with this prefix. */
  public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";

  /** AWS managed rule groups, in evaluation order. */
  public static final List<String> MANAGED_RULE_GROUPS =
      List.of(
          "AWSManagedRulesCommonRuleSet",
          "AWSManagedRulesKnownBadInputsRuleSet",
          "AWSManagedRulesAmazonIpReputationList",
          "AWSManagedRulesAnonymousIpList");

  /** Requests one IP may send in any five minutes before it is blocked. */
  public static final int RATE_LIMIT_PER_5_MINUTES = 1000;

  /**
   * @param stage the API stage to protect
   * @param logs makes the log group WAF writes to
   */
  public record Props(Stage stage, StackLogs logs) {}

  private final CfnWebACL webAcl;
  private final LogGroup logGroup;

  /** Creates the web ACL, associates it with the stage and turns on its logging. */
  public WafConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    String prefix = Stack.of(this).getStackName();
    List<CfnWebACL.RuleProperty> rules = new ArrayList<>();
    for (String group : MANAGED_RULE_GROUPS) {
      rules.add(managedRule(group, rules.size()));
    }
    rules.add(
        CfnWebACL.RuleProperty.builder()
            .name("RateLimitPerIp")
            .priority(rules.size())
            .action(
                CfnWebACL.RuleActionProperty.builder()
                    .block(CfnWebACL.BlockActionProperty.builder().build())
                    .build())
            .statement(
                CfnWebACL.StatementProperty.builder()
                    .rateBasedStatement(
                        CfnWebACL.RateBasedStatementProperty.builder()
                            .limit(RATE_LIMIT_PER_5_MINUTES)
                            .aggregateKeyType("IP")
                            .build())
                    .build())
            .visibilityConfig(visibility(prefix + "-RateLimitPerIp"))
            .build());

    webAcl =
        CfnWebACL.Builder.create(this, "WebAcl")
            .scope("REGIONAL")
            .description("Protects the API of " + prefix)
            .defaultAction(
                CfnWebACL.DefaultActionProperty.builder()
                    .allow(CfnWebACL.AllowActionProperty.builder().build())
                    .build())
            .visibilityConfig(visibility(prefix + "-WebAcl"))
            .rules(List.copyOf(rules))
            .build();

    CfnWebACLAssociation.Builder.create(this, "Association")
        .resourceArn(props.stage().getStageArn())
        .webAclArn(webAcl.getAttrArn())
        .build();

    logGroup =
        props.logs().logGroup(this, "Logs", LOG_GROUP_PREFIX + prefix + "-" + stackCreationId());
    // WAF wants the log group ARN without the ":*" suffix that LogGroup.getLogGroupArn() has.
    String logGroupArn =
        Stack.of(this)
            .formatArn(
                ArnComponents.builder()
                    .service("logs")
                    .resource("log-group")
                    .resourceName(logGroup.getLogGroupName())
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                    .build());
    CfnLoggingConfiguration.Builder.create(this, "Logging")
        .resourceArn(webAcl.getAttrArn())
        .logDestinationConfigs(List.of(logGroupArn))
        .redactedFields(
            List.of(
                CfnLoggingConfiguration.FieldToMatchProperty.builder()
                    .singleHeader(Map.of("Name", "authorization"))
                    .build()))
        .build();
  }

  /**
   * The first part of the unique id CloudFormation gives the stack when it creates it ({@code
   * arn:...:stack/NAME/ID}). The log group outlives a deleted production stack; with this in its
   * name, the same stack created again gets a new group instead of failing on the old name.
   */
  private String stackCreationId() {
    String uniqueId = Fn.select(2, Fn.split("/", Stack.of(this).getStackId()));
    return Fn.select(0, Fn.split("-", uniqueId));
  }

  private static CfnWebACL.RuleProperty managedRule(String name, int priority) {
    return CfnWebACL.RuleProperty.builder()
        .name(name)
        .priority(priority)
        .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
        .statement(
            CfnWebACL.StatementProperty.builder()
                .managedRuleGroupStatement(
                    CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                        .vendorName("AWS")
                        .name(name)
                        .build())
                .build())
        .visibilityConfig(visibility(name))
        .build();
  }

  private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
    return CfnWebACL.VisibilityConfigProperty.builder()
        .cloudWatchMetricsEnabled(true)
        .sampledRequestsEnabled(true)
        .metricName(metricName)
        .build();
  }

  /** The web ACL. */
  public CfnWebACL webAcl() {
    return webAcl;
  }

  /** The log group WAF writes to. */
  public LogGroup logGroup() {
    return logGroup;
  }
}
