package ${package}.handlers;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.strategy.ContextMissingStrategy;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a handler's request path before its first real request.
 *
 * <p>At init it runs a request that needs no I/O (class loading, Jackson, validation, error
 * mapping). With SnapStart, just before the snapshot it also runs a read-only request that reaches
 * AWS (SDK marshalling, HTTP client, signing), so restored functions start with those paths warm.
 * Priming never touches real data and never fails init.
 */
final class Priming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

  private final Runnable beforeSnapshot;

  private Priming(Runnable beforeSnapshot) {
    this.beforeSnapshot = beforeSnapshot;
  }

  /**
   * Runs {@code atInit} now and registers {@code beforeSnapshot} for SnapStart. Keep the returned
   * instance referenced: the hook registry may hold it weakly.
   */
  static Priming prime(Runnable atInit, Runnable beforeSnapshot) {
    safely("init", atInit);
    Priming priming = new Priming(beforeSnapshot);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    // Outside an invocation there is no X-Ray segment: skip subsegments instead of logging errors.
    AWSXRayRecorder recorder = AWSXRay.getGlobalRecorder();
    ContextMissingStrategy previous = recorder.getContextMissingStrategy();
    recorder.setContextMissingStrategy(new IgnoreErrorContextMissingStrategy());
    try {
      safely("snapshot", beforeSnapshot);
    } finally {
      recorder.setContextMissingStrategy(previous);
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: the SDK retries a call whose pooled connection died during the pause.
  }

  private static void safely(String phase, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("Priming at {} failed; the first request will warm up instead", phase, e);
    }
  }
}
