package ${package}.local;

import java.nio.file.Path;

/**
 * What one start runs: a route's function from the Lambda jar, or the bare handler (the floor) from
 * its own jar, with the memory and environment of a function of the stack.
 *
 * @param name the row name in the report: the function's, or {@code Bare}
 * @param jar the code
 * @param handler {@code class::method}, as Lambda's handler setting
 * @param function the stack's function whose settings, and whose route's event, it gets
 */
record Target(String name, Path jar, String handler, StackFunction function) {

  /** A route's function, running the Lambda jar. */
  static Target of(StackFunction function, Path jar) {
    return new Target(
        function.route().functionName(),
        jar,
        function.route().handler().getName() + "::handleRequest",
        function);
  }

  /** The bare handler from its jar, with the settings of {@code like}. */
  static Target bare(Path bareJar, StackFunction like) {
    return new Target("Bare", bareJar, BareHandler.class.getName() + "::handleRequest", like);
  }
}
