package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda context of one invocation, for tests and local runs: a deadline that runs from
 * creation, and either a fixed request id ({@link #StubContext()}) or a fresh one ({@link
 * #invocation}).
 */
public final class StubContext implements Context {

  /** The request id of {@link #StubContext()}. */
  public static final String AWS_REQUEST_ID = "0e7d2d4c-1f6a-4b9e-8c3d-5a6b7c8d9e0f";

  private static final LambdaLogger STDERR =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.println(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final String functionName;
  private final String awsRequestId;
  private final long deadlineNanos;

  /** An invocation of {@code orders-create} with the request id {@link #AWS_REQUEST_ID}. */
  public StubContext() {
    this("orders-create", AWS_REQUEST_ID, Duration.ofSeconds(10));
  }

  private StubContext(String functionName, String awsRequestId, Duration timeout) {
    this.functionName = functionName;
    this.awsRequestId = awsRequestId;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  /** A new invocation of the function: a random request id, the timeout running from now. */
  public static StubContext invocation(String functionName, Duration timeout) {
    return new StubContext(functionName, UUID.randomUUID().toString(), timeout);
  }

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "2026/11/26/[$LATEST]0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return STDERR;
  }
}
