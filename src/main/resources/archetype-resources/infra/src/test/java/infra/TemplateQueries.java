package ${package}.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Reads a synthesized template by what resources are, never by their generated logical ids. */
public final class TemplateQueries {

  private TemplateQueries() {}

  /** The logical id of the only resource of {@code type} whose properties match. */
  public static String onlyResource(
      Template template, String type, Map<String, Object> properties) {
    Map<String, Map<String, Object>> found =
        template.findResources(
            type, Match.objectLike(Map.of("Properties", Match.objectLike(properties))));
    if (found.size() != 1) {
      throw new AssertionError(
          "Expected one " + type + " matching " + properties + ", found " + found.keySet());
    }
    return found.keySet().iterator().next();
  }

  /** The properties of a resource. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> properties(Template template, String logicalId) {
    Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
    Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
    return (Map<String, Object>) resource.get("Properties");
  }

  /** The logical id of the Lambda function running {@code handler}. */
  public static String functionOf(Template template, Class<?> handler) {
    return onlyResource(
        template,
        "AWS::Lambda::Function",
        Map.of("Handler", handler.getName() + "::handleRequest"));
  }

  /**
   * What the execution role of the function running {@code handler} may do: resource (a logical id,
   * a logical id and a suffix such as {@code OrdersTable/index/byOwner}, or the literal resource)
   * to actions, from every policy attached to the role.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Set<String>> grantsOf(Template template, Class<?> handler) {
    Map<String, Object> role =
        (Map<String, Object>) properties(template, functionOf(template, handler)).get("Role");
    String roleId = (String) ((List<Object>) role.get("Fn::GetAtt")).get(0);
    Map<String, Map<String, Object>> policies =
        template.findResources(
            "AWS::IAM::Policy",
            Match.objectLike(
                Map.of(
                    "Properties",
                    Match.objectLike(Map.of("Roles", List.of(Map.of("Ref", roleId)))))));
    Map<String, Set<String>> grants = new HashMap<>();
    for (Map<String, Object> policy : policies.values()) {
      Map<String, Object> document =
          (Map<String, Object>)
              ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
      for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
        for (Object resource : asList(statement.get("Resource"))) {
          String key = resourceKey(resource);
          if (key != null) {
            grants
                .computeIfAbsent(key, k -> new TreeSet<>())
                .addAll((List<String>) (List<?>) asList(statement.get("Action")));
          }
        }
      }
    }
    return grants;
  }

  /** Every action granted to the function running {@code handler}, on any resource. */
  public static Set<String> actionsOf(Template template, Class<?> handler) {
    Set<String> actions = new TreeSet<>();
    grantsOf(template, handler).values().forEach(actions::addAll);
    return actions;
  }

  @SuppressWarnings("unchecked")
  private static String resourceKey(Object resource) {
    if (resource instanceof String literal) {
      return literal;
    }
    Map<String, Object> intrinsic = (Map<String, Object>) resource;
    if (intrinsic.containsKey("Fn::GetAtt")) {
      return (String) ((List<Object>) intrinsic.get("Fn::GetAtt")).get(0);
    }
    if ("AWS::NoValue".equals(intrinsic.get("Ref"))) {
      return null;
    }
    if (intrinsic.get("Fn::Join") instanceof List<?> join && "".equals(join.get(0))) {
      StringBuilder joined = new StringBuilder();
      for (Object part : (List<Object>) join.get(1)) {
        joined.append(resourceKey(part));
      }
      return joined.toString();
    }
    return intrinsic.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object value) {
    return value instanceof List<?> list ? (List<Object>) list : new ArrayList<>(List.of(value));
  }
}
