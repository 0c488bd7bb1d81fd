package ${package}.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.AttributeType;

import ${package}.dal.TableDefinition;
import ${package}.infra.TestApps;

/** The database construct alone: what it keeps and protects. */
class DatabaseConstructTest {

  private static Template templateOf(RemovalPolicy policy, boolean deletionProtection) {
    Stack stack = TestApps.bareStack();
    new DatabaseConstruct(
        stack, "Database", new DatabaseConstruct.Props(policy, deletionProtection));
    return Template.fromStack(stack);
  }

  @Test
  void retainedTables_surviveStackDeletionAndRefuseDeletion() {
    // When
    Template template = templateOf(RemovalPolicy.RETAIN, true);

    // Then
    assertThat(
            template.findResources(
                "AWS::DynamoDB::Table",
                Match.objectLike(
                    Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Match.objectLike(Map.of("DeletionProtectionEnabled", true))))))
        .hasSize(2);
  }

  @Test
  void destroyedTables_goWithTheStack() {
    // When
    Template template = templateOf(RemovalPolicy.DESTROY, false);

    // Then
    assertThat(
            template.findResources(
                "AWS::DynamoDB::Table", Match.objectLike(Map.of("DeletionPolicy", "Delete"))))
        .hasSize(2);
  }

  @Test
  void keyType_followsTheDynamoDbTypeLetter() {
    // Then
    assertThat(DatabaseConstruct.key(new TableDefinition.Key("id", "S")).getType())
        .isEqualTo(AttributeType.STRING);
    assertThat(DatabaseConstruct.key(new TableDefinition.Key("n", "N")).getType())
        .isEqualTo(AttributeType.NUMBER);
    assertThat(DatabaseConstruct.key(new TableDefinition.Key("b", "B")).getType())
        .isEqualTo(AttributeType.BINARY);
    assertThatThrownBy(() -> DatabaseConstruct.key(new TableDefinition.Key("x", "BOOL")))
        .hasMessageContaining("BOOL");
  }
}
