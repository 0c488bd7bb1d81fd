package ${package}.handlers;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** A Lambda context with fixed, plausible values. */
public final class StubContext implements Context {

  /** The Lambda request id of every invocation. */
  public static final String AWS_REQUEST_ID = "0e7d2d4c-1f6a-4b9e-8c3d-5a6b7c8d9e0f";

  @Override
  public String getAwsRequestId() {
    return AWS_REQUEST_ID;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/orders-create";
  }

  @Override
  public String getLogStreamName() {
    return "2026/11/26/[$LATEST]0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return "orders-create";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:orders-create";
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
    return 10_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.out.println(message);
      }

      @Override
      public void log(byte[] message) {
        System.out.println(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
