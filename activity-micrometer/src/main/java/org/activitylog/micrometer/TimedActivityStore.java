package org.activitylog.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.ForwardingActivityStore;

/**
 * A store that times every call of its activities and follow graph in one Micrometer timer, {@value
 * #CALLS}, and otherwise behaves exactly as the store it wraps: same answers, same exceptions. Wrap
 * the store the facade and the recorder use:
 *
 * <pre>{@code
 * ActivityStore store = new TimedActivityStore(JdbcActivityStore.builder().build(), registry, "main");
 * }</pre>
 *
 * <table>
 *   <caption>Tags of {@value #CALLS}</caption>
 *   <tr><td>{@value #STORE_TAG}</td><td>the name given here</td></tr>
 *   <tr><td>{@value #OPERATION_TAG}</td><td>the method called: {@code insert}, {@code insertAll},
 *       {@code findById}, {@code findByUid}, {@code update}, {@code softDelete}, {@code restore},
 *       {@code purgeCreatedBefore}, {@code eraseActor}, {@code list}, {@code count}, {@code
 *       listAfter}, {@code scan}, {@code follow}, {@code unfollow}, {@code following}, {@code
 *       removeActor}</td></tr>
 *   <tr><td>{@value #OUTCOME_TAG}</td><td>{@code success}, or {@code error} when the call threw
 *       </td></tr>
 *   <tr><td>{@value #EXCEPTION_TAG}</td><td>{@code none}, or the simple name of the exception's
 *       class, such as {@code NotFoundException} or {@code StoreUnavailableException}</td></tr>
 * </table>
 *
 * <p>The timers of successful calls are registered up front, so a call costs two clock reads and
 * one timer update, nothing more; a timer of an exception class is registered the first time that
 * class is thrown. {@code scan} is timed until it returns its stream, not while the stream is read.
 * Closing this store closes the one it wraps.
 */
public final class TimedActivityStore extends ForwardingActivityStore {
  /** The timer of every call. */
  public static final String CALLS = "activitylog.store.calls";

  /** The tag naming the store. */
  public static final String STORE_TAG = "store";

  /** The tag naming the method called. */
  public static final String OPERATION_TAG = "operation";

  /** The tag telling success from error. */
  public static final String OUTCOME_TAG = "outcome";

  /** The tag naming the exception's class, {@code none} on success. */
  public static final String EXCEPTION_TAG = "exception";

  private final ActivityRepository activities;
  private final FollowGraph follows;

  /**
   * Wraps a store.
   *
   * @param delegate the store whose calls are timed; closing this store closes it
   * @param registry where the timers go
   * @param name the value of the {@code store} tag
   */
  public TimedActivityStore(ActivityStore delegate, MeterRegistry registry, String name) {
    this(delegate, registry, name, Tags.empty());
  }

  /**
   * Wraps a store, with further tags.
   *
   * @param delegate the store whose calls are timed; closing this store closes it
   * @param registry where the timers go
   * @param name the value of the {@code store} tag
   * @param tags further tags on every timer
   */
  public TimedActivityStore(
      ActivityStore delegate, MeterRegistry registry, String name, Iterable<Tag> tags) {
    super(delegate);
    Objects.requireNonNull(registry, "registry");
    Tags all = Tags.concat(tags, STORE_TAG, Objects.requireNonNull(name, "name"));
    this.activities = new TimedRepository(delegate.activities(), registry, all);
    this.follows = new TimedFollowGraph(delegate.follows(), registry, all);
  }

  /** {@return the wrapped store's activities, every call timed} */
  @Override
  public ActivityRepository activities() {
    return activities;
  }

  /** {@return the wrapped store's follow graph, every call timed} */
  @Override
  public FollowGraph follows() {
    return follows;
  }
}
