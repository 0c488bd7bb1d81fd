package ${package}.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

import ${package}.local.ColdStartReport.Run;
import ${package}.local.ColdStartReport.Warm;

/**
 * What one start recorded: when the JVM started, when each invocation was handed out and answered
 * (the session's times), and the JVM's peak memory.
 *
 * @param session the Runtime API session that served the JVM
 * @param startedNanos {@link System#nanoTime()} when the JVM was started
 * @param peakRssMib the JVM's peak resident set
 */
record FinishedStart(RuntimeSession session, long startedNanos, double peakRssMib) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The cold-start figures: init, first and (when there was one) second request. */
  Run run() throws IOException {
    boolean twice = session.invocations() > 1;
    return new Run(
        millis(startedNanos, session.handedOutNanos(0)),
        millis(startedNanos, session.answeredNanos(0)),
        millis(session.handedOutNanos(0), session.answeredNanos(0)),
        twice ? millis(session.handedOutNanos(1), session.answeredNanos(1)) : Double.NaN,
        peakRssMib,
        statusCode(0) + (twice ? "," + statusCode(1) : ""));
  }

  /** The latency of every invocation after the first: a warm JVM's. */
  Warm warm() {
    double[] ms = new double[session.invocations() - 1];
    for (int i = 1; i < session.invocations(); i++) {
      ms[i - 1] = millis(session.handedOutNanos(i), session.answeredNanos(i));
    }
    Arrays.sort(ms);
    return new Warm(
        ColdStartReport.percentile(ms, 50),
        ColdStartReport.percentile(ms, 90),
        ColdStartReport.percentile(ms, 99));
  }

  private int statusCode(int invocation) throws IOException {
    return JSON.readTree(session.response(invocation)).path("statusCode").asInt();
  }

  private static double millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000.0;
  }
}
