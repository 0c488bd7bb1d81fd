package ${package}.e2e;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs the suite's requests as the API under test requires ({@code -De2e.auth}): with AWS
 * Signature Version 4 for {@code iam}, with the credentials of the environment (in the pipeline,
 * the OIDC role's), or not at all for {@code none} and the local API, which checks no signature.
 */
@FunctionalInterface
interface RequestSigner {

  /** Sends requests as they are. */
  RequestSigner UNSIGNED = (method, uri, headers, body) -> headers;

  /** The headers to send: {@code headers} plus, when signing, the signature's. */
  Map<String, String> sign(String method, URI uri, Map<String, String> headers, String body);

  /** The signer {@code -De2e.auth} (iam or none) and {@code -De2e.region} ask for. */
  static RequestSigner fromSystemProperties() {
    String auth = System.getProperty("e2e.auth", "none");
    return switch (auth) {
      case "none" -> UNSIGNED;
      case "iam" ->
          sigV4(
              DefaultCredentialsProvider.builder().build(),
              System.getProperty("e2e.region", ""),
              Clock.systemUTC());
      default ->
          throw new IllegalStateException("-De2e.auth must be iam or none, not '" + auth + "'");
    };
  }

  /** Signs for API Gateway ({@code execute-api}) in {@code region}. */
  static RequestSigner sigV4(AwsCredentialsProvider credentials, String region, Clock clock) {
    if (!region.matches("[a-z]{2}(-[a-z]+)+-[0-9]")) {
      throw new IllegalStateException(
          "Set -De2e.region to the API's region (got '" + region + "')");
    }
    AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    return (method, uri, headers, body) -> {
      SdkHttpRequest.Builder request =
          SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
      headers.forEach(request::putHeader);
      SignedRequest signed =
          signer.sign(
              sign ->
                  sign.identity(credentials.resolveCredentials())
                      .request(request.build())
                      .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                      .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                      .putProperty(HttpSigner.SIGNING_CLOCK, clock));
      Map<String, String> withSignature = new LinkedHashMap<>();
      // The HTTP client sends Host itself, from the same URI, and refuses to have it set.
      signed.request().headers().entrySet().stream()
          .filter(header -> !"Host".equalsIgnoreCase(header.getKey()))
          .forEach(header -> withSignature.put(header.getKey(), header.getValue().get(0)));
      return withSignature;
    };
  }
}
