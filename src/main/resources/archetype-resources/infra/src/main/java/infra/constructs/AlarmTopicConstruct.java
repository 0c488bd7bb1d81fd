package ${package}.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The topic every alarm notifies: encrypted with a rotating key of its own, published to by
 * CloudWatch of this account only, over TLS only, with an optional e-mail subscription.
 */
public class AlarmTopicConstruct extends Construct {

  private static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

  /**
   * @param serviceName named in the topic and key descriptions
   * @param alarmEmail address subscribed to the topic, or null for none
   * @param removalPolicy what stack deletion does to the key
   */
  public record Props(String serviceName, String alarmEmail, RemovalPolicy removalPolicy) {}

  private final Topic topic;

  /** Creates the key and the topic. */
  public AlarmTopicConstruct(Construct scope, String id, Props props) {
    super(scope, id);
    Key key =
        EncryptionKeys.create(
            this,
            "AlarmTopicKey",
            "Encrypts the alarm topic of " + props.serviceName(),
            props.removalPolicy());
    // CloudWatch encrypts each alarm notification with this key before publishing.
    key.grant(new ServicePrincipal(CLOUDWATCH), "kms:Decrypt", "kms:GenerateDataKey*");
    topic =
        Topic.Builder.create(this, "AlarmTopic")
            .displayName(props.serviceName() + " alarms")
            .masterKey(key)
            .enforceSsl(true)
            .build();
    topic.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("AllowCloudWatchAlarms")
            .effect(Effect.ALLOW)
            .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
            .actions(List.of("sns:Publish"))
            .resources(List.of(topic.getTopicArn()))
            .conditions(
                Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
            .build());
    if (props.alarmEmail() != null && !props.alarmEmail().isBlank()) {
      topic.addSubscription(new EmailSubscription(props.alarmEmail()));
    }
  }

  /** The topic. */
  public Topic topic() {
    return topic;
  }
}
