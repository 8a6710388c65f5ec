package org.activitylog.testkit.broken;

import java.util.concurrent.atomic.AtomicBoolean;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.ForwardingActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Closes its pool on every call, and the pool refuses a second close: closing the store twice, as a
 * shutdown hook after an explicit close does, fails.
 */
final class CloseNotIdempotent extends ForwardingActivityStore {
  private final AtomicBoolean closed = new AtomicBoolean();

  CloseNotIdempotent(ActivityStore delegate) {
    super(delegate);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      throw new IllegalStateException("the pool is already closed");
    }
    super.close();
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return new CloseNotIdempotent(InMemoryActivityStore.create(clock));
    }
  }
}
