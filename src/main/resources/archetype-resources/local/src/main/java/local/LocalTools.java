package ${package}.local;

import java.io.IOException;
import java.net.BindException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of {@code local/target/local-tools.jar}: {@code api} serves the API on a local
 * port ({@code make local-api}), {@code cold-start} measures the functions' cold starts ({@code
 * make cold-start}). The arguments after the command go to that tool.
 */
// A command-line tool: it reports on the console and ends with an exit code; the API it starts
// is closed by the shutdown hook.
@SuppressWarnings({"PMD.SystemPrintln", "PMD.DoNotTerminateVM", "PMD.CloseResource"})
public final class LocalTools {

  /** Printed when the local API starts: unlike the deployed one, it authenticates no one. */
  static final String NO_SIGNATURE_CHECK =
      "The local API checks no AWS Signature Version 4 (the deployed API does when api.auth is"
          + " iam): a request is served as unsigned (one shared owner and key space), or as the"
          + " IAM principal its X-Local-Caller header names, e.g. X-Local-Caller:"
          + " arn:aws:iam::111111111111:user/alice. That header exists only locally.";

  private LocalTools() {}

  /** Runs the tool the first argument names. */
  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "" : args[0];
    String[] toolArgs = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "api" -> serveApi();
      case "cold-start" -> ColdStartBenchmark.measure(toolArgs);
      default -> {
        System.err.println("usage: java -jar local-tools.jar api | cold-start [name=value ...]");
        System.exit(2);
      }
    }
  }

  /**
   * Serves the API until the process is stopped: on {@code PORT} (default 3000; 0 picks a free
   * one). Stops on Ctrl-C or SIGTERM, and when the process that started it ends, taking the local
   * DynamoDB with it.
   */
  private static void serveApi() throws IOException, InterruptedException {
    int port = Integer.parseInt(Optional.ofNullable(System.getenv("PORT")).orElse("3000"));
    long started = System.nanoTime();
    LocalApiServer api;
    try {
      api = LocalApiServer.start(port);
    } catch (BindException e) {
      System.err.println("Port " + port + " is in use: stop what uses it or set PORT=<free port>");
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the local API and its DynamoDB");
                  api.close();
                  stopped.countDown();
                },
                "local-api-stop"));
    System.out.println(NO_SIGNATURE_CHECK);
    System.out.printf(
        "%s%s (local DynamoDB at %s, ready in %d ms). Ctrl-C stops it.%n",
        LocalApiServer.READY_MESSAGE,
        api.baseUrl(),
        api.dynamoDb().endpoint(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    System.out.flush();
    // Stop with the process that started the server (make, a script) even when a signal reached
    // only that process: no server is left behind holding its port.
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    stopped.await();
  }
}
