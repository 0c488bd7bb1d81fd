package ${package}.lambdajar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create through the Lambda jar alone, in a JVM of its own, wired as in AWS: the handler from
 * {@code HandlerFactory}, no endpoint override, so both SDK clients (AppConfig data, DynamoDB)
 * resolve their endpoints themselves. The jar leaves out the SDK's endpoint metadata of every
 * service (service/pom.xml): the calls must still reach the network and fail there, on a name that
 * does not resolve (the JVM's host file is empty), and the create answer 503, not fail on a missing
 * class.
 */
class LambdaJarSdkIT {

  private static final String PROBE =
      """
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import java.lang.reflect.Proxy;
      import java.util.Map;
      import ${package}.handlers.HandlerConfig;
      import ${package}.handlers.HandlerFactory;
      import ${package}.handlers.Route;

      public class Probe {
        public static void main(String[] args) {
          var handler = HandlerFactory.create(Route.CREATE_ORDER, HandlerConfig.from(Map.of(
              HandlerConfig.TABLE_NAME, "orders",
              HandlerConfig.IDEMPOTENCY_TABLE_NAME, "idempotency",
              HandlerConfig.APPCONFIG_APPLICATION, "app",
              HandlerConfig.APPCONFIG_ENVIRONMENT, "env",
              HandlerConfig.APPCONFIG_PROFILE, "flags")));
          Context context = (Context) Proxy.newProxyInstance(
              Probe.class.getClassLoader(), new Class<?>[] {Context.class},
              (proxy, method, arguments) -> switch (method.getName()) {
                case "getAwsRequestId" -> "probe-request";
                case "getFunctionName" -> "probe";
                case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 1024;
                default -> null;
              });
          var response = handler.handleRequest(
              new APIGatewayProxyRequestEvent()
                  .withHttpMethod("POST")
                  .withPath("/api/orders")
                  .withBody("{\\"customerName\\": \\"Ada\\", \\"orderItemCount\\": 1}"),
              context);
          System.out.println("status=" + response.getStatusCode());
        }
      }
      """;

  @TempDir Path folder;

  @Test
  void lambdaJar_createReachesTheNetworkThroughTheSdksOwnEndpointResolution() throws Exception {
    Path emptyHosts = Files.writeString(folder.resolve("hosts"), "");
    List<String> options =
        List.of(
            "-Daws.region=us-east-1",
            "-Daws.accessKeyId=probe",
            "-Daws.secretAccessKey=probe",
            "-Djdk.net.hosts.file=" + emptyHosts);

    LambdaJarProbe.Run run = LambdaJarProbe.run(folder, PROBE, List.of(), options);

    // Flags off after AppConfig's host did not resolve, then DynamoDB's retries ran out of time.
    assertThat(run.stdout()).contains("status=503");
    String logs = String.join("\n", run.stdout());
    assertThat(logs)
        .contains("UnknownHostException: appconfigdata.us-east-1.amazonaws.com")
        .contains("DefaultDynamoDbClient.putItem")
        .doesNotContain("NoClassDefFoundError");
  }
}
