package org.activitylog.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.activitylog.api.Activity;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.StoreUnavailableException.Reason;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ForwardingActivityRepository;
import org.jspecify.annotations.Nullable;

/** Wraps a repository and injects the faults the recorder must survive into {@code insertAll}. */
final class FaultyRepository extends ForwardingActivityRepository {
  private volatile @Nullable CountDownLatch gate;
  private final Semaphore entered = new Semaphore(0);
  private final AtomicInteger unavailable = new AtomicInteger();
  private final AtomicInteger ackLost = new AtomicInteger();
  private volatile boolean down;
  private volatile Reason downReason = Reason.UNREACHABLE;
  private volatile Predicate<NewActivity> refused = a -> false;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<Integer> batchSizes = new ArrayList<>();

  FaultyRepository(ActivityRepository delegate) {
    super(delegate);
  }

  /** Makes every insert wait until {@link #resume()}: a store that hangs. */
  void pause() {
    gate = new CountDownLatch(1);
  }

  void resume() {
    CountDownLatch g = gate;
    gate = null;
    if (g != null) {
      g.countDown();
    }
  }

  /** Waits until an insert has reached the store (and, when paused, is held there). */
  boolean awaitInsert() throws InterruptedException {
    return entered.tryAcquire(10, TimeUnit.SECONDS);
  }

  /** The next {@code n} inserts fail before touching the store. */
  void failNext(int n) {
    unavailable.set(n);
  }

  /** The next {@code n} inserts commit, then fail as if the answer was lost. */
  void loseAckOfNext(int n) {
    ackLost.set(n);
  }

  /** Every insert fails until {@link #up()}: the database is gone. */
  void down() {
    downWith(Reason.UNREACHABLE);
  }

  /** Every insert fails for this reason until {@link #up()}. */
  void downWith(Reason reason) {
    downReason = reason;
    down = true;
  }

  void up() {
    down = false;
  }

  /** Inserts of a batch holding a matching activity are refused as bad data. */
  void refuse(Predicate<NewActivity> which) {
    refused = which;
  }

  int calls() {
    return calls.get();
  }

  synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  @Override
  public List<Activity> insertAll(List<NewActivity> activities) {
    calls.incrementAndGet();
    synchronized (this) {
      batchSizes.add(activities.size());
    }
    entered.release();
    CountDownLatch g = gate;
    if (g != null) {
      try {
        g.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreUnavailableException(Reason.UNREACHABLE, "interrupted", e);
      }
    }
    if (down) {
      throw new StoreUnavailableException(
          downReason, "injected: the store is " + downReason, new Exception());
    }
    if (unavailable.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new StoreUnavailableException(
          Reason.UNREACHABLE, "injected: the store is unavailable", new Exception());
    }
    for (NewActivity a : activities) {
      if (refused.test(a)) {
        throw new ValidationException("text", "is refused by the injected fault");
      }
    }
    List<Activity> stored = delegate.insertAll(activities);
    if (ackLost.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new StoreUnavailableException(
          Reason.UNREACHABLE, "injected: committed, answer lost", new Exception());
    }
    return stored;
  }

  @Override
  public Activity insert(NewActivity activity) {
    return insertAll(List.of(activity)).get(0);
  }
}
