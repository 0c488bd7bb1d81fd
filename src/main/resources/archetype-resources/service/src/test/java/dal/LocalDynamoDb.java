package ${package}.dal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import ${package}.handlers.HandlerConfig;

/**
 * A real DynamoDB-compatible server (dynalite, pinned in the root package.json) on a free loopback
 * port, with the service's tables created from {@link OrdersTable} and {@link IdempotencyTable}.
 *
 * <p>Use it as a JUnit 5 extension ({@code @RegisterExtension static final LocalDynamoDb DB = new
 * LocalDynamoDb();}: started before the class's tests, stopped after them; test methods may take a
 * {@code LocalDynamoDb} or {@code DynamoDbClient} parameter) or as an {@link AutoCloseable} ({@code
 * try (var db = LocalDynamoDb.start()) {...}}). The node process is stopped on close and by a JVM
 * shutdown hook, and it also exits by itself when its standard input closes, which happens when
 * this JVM dies in any way, so no server outlives the tests.
 *
 * <p>When {@code node_modules/dynalite} is missing at the repository root, {@code npm ci} runs
 * there once. dynalite has no UpdateTimeToLive or TransactWriteItems, so TTL is not switched on
 * locally: expiry attributes are written but items never disappear by themselves.
 */
public final class LocalDynamoDb
    implements AutoCloseable, BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** Name of the local orders table. */
  public static final String ORDERS_TABLE = "orders";

  /** Name of the local idempotency table. */
  public static final String IDEMPOTENCY_TABLE = "idempotency";

  /** Region the local clients and handlers use; dynalite accepts any. */
  public static final String REGION = "us-east-1";

  private static final String LOOPBACK = "127.0.0.1";
  private static final String READY_LINE = "Dynalite listening at";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final int START_ATTEMPTS = 3;

  // Ends node when its stdin closes (the JVM died, even by SIGKILL), then runs dynalite's CLI
  // with the remaining arguments exactly as `node cli.js ...` would.
  private static final String WATCHDOG =
      "process.stdin.on('end',()=>process.exit(0));process.stdin.on('error',()=>process.exit(0));"
          + "process.stdin.resume();require(process.argv[1]);";

  private static final Object NPM_LOCK = new Object();

  private Process process;
  private Thread shutdownHook;
  private DynamoDbClient client;
  private URI endpoint;
  private final Map<String, String> previousProperties = new LinkedHashMap<>();

  /** Starts a server with both tables and returns it; close it to stop the server. */
  public static LocalDynamoDb start() {
    LocalDynamoDb db = new LocalDynamoDb();
    db.startServer();
    return db;
  }

  /** The server's endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    requireStarted();
    return endpoint;
  }

  /** A client for the server, closed with it. */
  public DynamoDbClient client() {
    requireStarted();
    return client;
  }

  /** A handler configuration pointing at the local tables; AppConfig names are placeholders. */
  public HandlerConfig handlerConfig() {
    return new HandlerConfig(ORDERS_TABLE, IDEMPOTENCY_TABLE, "local", "local", "local");
  }

  /**
   * The system properties that make every SDK client built with defaults (such as the ones the
   * handlers build) talk to this server with dummy credentials.
   */
  public Map<String, String> sdkSystemProperties() {
    requireStarted();
    Map<String, String> properties = new LinkedHashMap<>();
    // The SDK's spelling: "DynamoDb" as in the service's client name, not "Dynamodb".
    properties.put("aws.endpointUrlDynamoDb", endpoint.toString());
    properties.put("aws.region", REGION);
    properties.put("aws.accessKeyId", "local");
    properties.put("aws.secretAccessKey", "local");
    return properties;
  }

  /** Sets {@link #sdkSystemProperties()} in this JVM until {@link #close()} restores them. */
  public LocalDynamoDb applySdkSystemProperties() {
    sdkSystemProperties()
        .forEach(
            (key, value) -> {
              previousProperties.putIfAbsent(key, System.getProperty(key));
              System.setProperty(key, value);
            });
    return this;
  }

  /** Deletes and re-creates both tables, so that a test starts from empty tables. */
  public void resetTables() {
    requireStarted();
    for (CreateTableRequest table : tableDefinitions()) {
      try {
        client.deleteTable(b -> b.tableName(table.tableName()));
        waitUntilGone(table.tableName());
      } catch (ResourceNotFoundException absent) {
        // Nothing to delete: the table is created below.
      }
      createTable(table);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startServer();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalDynamoDb.class || type == DynamoDbClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalDynamoDb.class ? this : client();
  }

  /** Stops the server and restores the system properties this instance changed. */
  @Override
  public synchronized void close() {
    previousProperties.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
    previousProperties.clear();
    if (client != null) {
      client.close();
      client = null;
    }
    stopProcess();
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to: it stops the same process.
      }
      shutdownHook = null;
    }
  }

  private synchronized void startServer() {
    if (process != null) {
      return;
    }
    Path root = repositoryRoot();
    Path cli = ensureDynalite(root);
    IllegalStateException lastFailure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS && process == null; attempt++) {
      try {
        launch(cli, freePort());
      } catch (IllegalStateException e) {
        // Another process may have taken the free port between the probe and the launch.
        lastFailure = e;
      }
    }
    if (process == null) {
      throw lastFailure;
    }
    client =
        DynamoDbClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
    for (CreateTableRequest table : tableDefinitions()) {
      createTable(table);
    }
  }

  private static List<CreateTableRequest> tableDefinitions() {
    return List.of(
        OrdersTable.DEFINITION.createTableRequest(ORDERS_TABLE),
        IdempotencyTable.DEFINITION.createTableRequest(IDEMPOTENCY_TABLE));
  }

  private void launch(Path cli, int port) {
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                "-e",
                WATCHDOG,
                "--",
                cli.toString(),
                "--host",
                LOOPBACK,
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0")
            .redirectErrorStream(true);
    Process started;
    try {
      started = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot run node: Node.js 20 or newer must be on the PATH for the local DynamoDB", e);
    }
    Thread hook = new Thread(() -> destroy(started), "local-dynamodb-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    BlockingQueue<String> readiness = new ArrayBlockingQueue<>(1);
    List<String> output = new ArrayList<>();
    Thread reader =
        new Thread(() -> pump(started.getInputStream(), readiness, output), "local-dynamodb-out");
    reader.setDaemon(true);
    reader.start();
    String ready;
    try {
      ready = readiness.poll(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ready = null;
    }
    if (ready == null || !ready.startsWith(READY_LINE)) {
      destroy(started);
      Runtime.getRuntime().removeShutdownHook(hook);
      String seen;
      synchronized (output) {
        seen = String.join("\n", output);
      }
      throw new IllegalStateException(
          "dynalite did not start on port " + port + " within " + READY_TIMEOUT + ":\n" + seen);
    }
    process = started;
    shutdownHook = hook;
    endpoint = URI.create("http://" + LOOPBACK + ":" + port);
  }

  /** Reads the server's output until it ends; signals readiness, or the end when it dies first. */
  private static void pump(InputStream stream, BlockingQueue<String> readiness, List<String> out) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith(READY_LINE)) {
          readiness.offer(line);
        } else {
          synchronized (out) {
            if (out.size() < 200) {
              out.add(line);
            }
          }
        }
      }
    } catch (IOException e) {
      // The process is gone; the end marker below reports it.
    }
    readiness.offer("exited");
  }

  private void createTable(CreateTableRequest table) {
    client.createTable(table);
    // dynalite turns a table ACTIVE asynchronously even with --createTableMs 0; the SDK waiter's
    // 20 s polling delay would be far too slow here.
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (client.describeTable(b -> b.tableName(table.tableName())).table().tableStatus()
        != TableStatus.ACTIVE) {
      pauseOrFail(deadline, "table " + table.tableName() + " to become ACTIVE");
    }
  }

  private void waitUntilGone(String tableName) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      try {
        client.describeTable(b -> b.tableName(tableName));
      } catch (ResourceNotFoundException gone) {
        return;
      }
      pauseOrFail(deadline, "table " + tableName + " to be deleted");
    }
  }

  private static void pauseOrFail(long deadline, String what) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("Timed out waiting for " + what);
    }
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for " + what, e);
    }
  }

  private void stopProcess() {
    if (process != null) {
      destroy(process);
      process = null;
    }
  }

  private static void destroy(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void requireStarted() {
    if (process == null) {
      throw new IllegalStateException("The local DynamoDB is not started");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port", e);
    }
  }

  /** The repository root: the nearest folder, from the working directory up, with package.json. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      Path packageJson = candidate.resolve("package.json");
      if (Files.isRegularFile(packageJson) && mentionsDynalite(packageJson)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "No package.json that pins dynalite found in " + dir + " or any parent folder");
  }

  private static boolean mentionsDynalite(Path packageJson) {
    try {
      return Files.readString(packageJson).contains("\"dynalite\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns dynalite's CLI script, installing the pinned Node.js tools first when missing. */
  private static Path ensureDynalite(Path root) {
    Path cli = root.resolve("node_modules/dynalite/cli.js");
    synchronized (NPM_LOCK) {
      if (Files.isRegularFile(cli)) {
        return cli;
      }
      // Forked test JVMs may arrive here together: one runs npm ci, the others wait for it.
      Path lockFile =
          Path.of(
              System.getProperty("java.io.tmpdir"), "local-dynamodb-" + root.hashCode() + ".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (!Files.isRegularFile(cli)) {
          npmCi(root);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot install dynalite with npm ci in " + root, e);
      }
      if (!Files.isRegularFile(cli)) {
        throw new IllegalStateException(
            "npm ci in " + root + " did not install dynalite: is it in package.json?");
      }
      return cli;
    }
  }

  private static void npmCi(Path root) throws IOException {
    Path log = Files.createTempFile("npm-ci-", ".log");
    System.err.println("node_modules/dynalite is missing: running npm ci in " + root);
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!npm.waitFor(NPM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm ci in " + root + " took longer than " + NPM_TIMEOUT);
      }
    } catch (InterruptedException e) {
      npm.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running npm ci in " + root, e);
    }
    if (npm.exitValue() != 0) {
      throw new IllegalStateException(
          "npm ci failed in "
              + root
              + " (exit "
              + npm.exitValue()
              + "):\n"
              + Files.readString(log));
    }
  }
}
