package ${package}.dal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a DynamoDB endpoint that breaks the network on demand, for fault tests.
 *
 * <p>It reads each HTTP request the SDK sends, asks its rule what to do with it ({@link Action})
 * and then forwards it, answers it itself or breaks the connection. Point the SDK at {@link
 * #endpoint()} (for the handlers: the system property {@code aws.endpointUrlDynamoDb}). Every
 * request is recorded, so a test can also count the calls a request made.
 */
public final class FaultProxy implements AutoCloseable {

  /** What the proxy does with one request. */
  public enum Action {
    /** Forward it and return the answer, after the configured latency. */
    FORWARD,
    /** Read it and never answer, as a database that hangs. */
    STALL,
    /** Reset the connection without forwarding it. */
    RESET,
    /** Answer as DynamoDB does when it throttles: 400 ProvisionedThroughputExceededException. */
    THROTTLE,
    /** Forward it, so that DynamoDB does the work, then reset instead of returning the answer. */
    LOSE_ANSWER
  }

  /**
   * A request as the proxy saw it.
   *
   * @param operation the DynamoDB operation, such as {@code PutItem}
   * @param table the table it names, or an empty string
   */
  public record Request(String operation, String table) {

    /** Whether this is the given operation on the given table. */
    public boolean is(String operation, String table) {
      return this.operation.equals(operation) && this.table.equals(table);
    }
  }

  private static final Pattern TABLE_NAME = Pattern.compile("\"TableName\"\\s*:\\s*\"([^\"]+)\"");
  private static final String THROTTLED_BODY =
      "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
          + "\"message\":\"The level of configured provisioned throughput for the table was"
          + " exceeded.\"}";

  private final URI target;
  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Action> rule = request -> Action.FORWARD;
  private volatile Duration latency = Duration.ZERO;

  private FaultProxy(URI target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptConnections, "fault-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy on a free loopback port, forwarding to {@code target} until told otherwise. */
  public static FaultProxy start(URI target) {
    try {
      return new FaultProxy(target);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the fault proxy", e);
    }
  }

  /** Where clients connect, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Does the same to every request from now on. */
  public void always(Action action) {
    rule = request -> action;
  }

  /** Decides per request from now on. */
  public void rule(Function<Request, Action> decide) {
    rule = decide;
  }

  /** Delays every forwarded answer by this much. */
  public void latency(Duration delay) {
    latency = delay;
  }

  /** Forwards everything at once again, breaks every connection and forgets the requests seen. */
  public void heal() {
    always(Action.FORWARD);
    latency = Duration.ZERO;
    open.forEach(FaultProxy::closeQuietly);
    requests.clear();
  }

  /** The requests seen since the start or the last {@link #heal()}, in order. */
  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(FaultProxy::closeQuietly);
  }

  private void acceptConnections() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        Thread connection = new Thread(() -> serve(client), "fault-proxy-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Serves one client connection, request after request, as HTTP/1.1 keep-alive does. */
  private void serve(Socket client) {
    Socket upstream = null;
    try {
      InputStream fromClient = new BufferedInputStream(client.getInputStream());
      InputStream fromUpstream = null;
      byte[] request;
      while ((request = readMessage(fromClient)) != null) {
        Request seen = describe(request);
        requests.add(seen);
        Action action = rule.apply(seen);
        if (action == Action.STALL) {
          // Hold the connection until the client gives up on it.
          while (fromClient.read() >= 0) {
            // Discard whatever else arrives.
          }
          return;
        }
        if (action == Action.RESET) {
          reset(client);
          return;
        }
        if (action == Action.THROTTLE) {
          client.getOutputStream().write(throttled());
          continue;
        }
        // FORWARD or LOSE_ANSWER: DynamoDB does the work.
        if (upstream == null) {
          upstream = new Socket(target.getHost(), target.getPort());
          open.add(upstream);
          fromUpstream = new BufferedInputStream(upstream.getInputStream());
        }
        upstream.getOutputStream().write(request);
        byte[] answer = readMessage(fromUpstream);
        if (answer == null || action == Action.LOSE_ANSWER) {
          reset(client);
          return;
        }
        Thread.sleep(latency.toMillis());
        client.getOutputStream().write(answer);
      }
    } catch (IOException broken) {
      // The client or the proxy closed the connection: nothing left to serve.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      open.remove(client);
      if (upstream != null) {
        closeQuietly(upstream);
        open.remove(upstream);
      }
    }
  }

  private static Request describe(byte[] request) {
    String text = new String(request, StandardCharsets.UTF_8);
    String target = header(text, "x-amz-target");
    Matcher table = TABLE_NAME.matcher(text);
    return new Request(
        target.substring(target.indexOf('.') + 1), table.find() ? table.group(1) : "");
  }

  private static byte[] throttled() {
    byte[] body = THROTTLED_BODY.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\n"
            + "x-amzn-RequestId: fault-proxy-throttled\r\n"
            + "x-amzn-ErrorType: ProvisionedThroughputExceededException\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    answer.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    answer.writeBytes(body);
    return answer.toByteArray();
  }

  /**
   * Reads one HTTP/1.1 message (head and body, by Content-Length or chunked) as raw bytes; null
   * when the stream ends before it starts.
   */
  private static byte[] readMessage(InputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    String head = readHead(in, message);
    if (head == null) {
      return null;
    }
    if ("chunked".equalsIgnoreCase(header(head, "transfer-encoding"))) {
      int size;
      do {
        String sizeLine = readLine(in, message);
        if (sizeLine == null) {
          throw new IOException("The connection ended inside a message");
        }
        // The size is hexadecimal and may be followed by ";extensions".
        int extensions = sizeLine.indexOf(';');
        size =
            Integer.parseInt(
                (extensions < 0 ? sizeLine : sizeLine.substring(0, extensions)).trim(), 16);
        copy(in, message, size);
        readLine(in, message);
      } while (size > 0);
    } else {
      String length = header(head, "content-length");
      copy(in, message, length.isEmpty() ? 0 : Integer.parseInt(length));
    }
    return message.toByteArray();
  }

  private static String readHead(InputStream in, ByteArrayOutputStream message) throws IOException {
    StringBuilder head = new StringBuilder();
    String line;
    do {
      line = readLine(in, message);
      if (line == null) {
        return null;
      }
      head.append(line).append('\n');
    } while (!line.isEmpty());
    return head.toString();
  }

  /** One CRLF-terminated line, also copied to {@code message}; null at the end of the stream. */
  private static String readLine(InputStream in, ByteArrayOutputStream message) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      message.write(b);
      if (b == '\n') {
        return line.toString(StandardCharsets.US_ASCII).stripTrailing();
      }
      line.write(b);
    }
    return null;
  }

  private static void copy(InputStream in, OutputStream out, int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new IOException("The connection ended inside a message");
    }
    out.write(bytes);
  }

  private static String header(String head, String name) {
    for (String line : head.lines().toList()) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private static void reset(Socket socket) throws IOException {
    // Linger 0 makes close send RST instead of FIN: the peer sees "connection reset".
    socket.setSoLinger(true, 0);
    socket.close();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already closed or broken: either way it is gone.
    }
  }
}
