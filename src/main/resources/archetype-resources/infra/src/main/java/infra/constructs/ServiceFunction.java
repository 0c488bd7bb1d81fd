package ${package}.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;

/**
 * One Lambda function of the service: the function, the alias that API Gateway calls (its
 * published, SnapStart-ready version) and its log group.
 *
 * @param label short name used in dashboards and alarm descriptions, e.g. {@code CreateOrder}
 */
public record ServiceFunction(
    String label, Function function, Alias alias, LogGroup logGroup, Duration timeout) {}
