package org.activitylog.recorder;

import java.util.List;
import org.activitylog.api.NewActivity;
import org.activitylog.api.StoreUnavailableException;

/**
 * Where a recorder writes its batches: all it needs of a store. A store's batch insert is one,
 * {@code store.activities()::insertAll}, which is what {@link ActivityRecorder#builder(
 * org.activitylog.spi.ActivityStore)} uses; a transport that forwards activities elsewhere is
 * another.
 *
 * <p>What the recorder relies on:
 *
 * <ul>
 *   <li><b>Durable on return.</b> When {@link #write} returns, every activity of the batch is
 *       committed and survives a crash of the host; the recorder counts it as stored.
 *   <li><b>Idempotent on uid.</b> Every activity comes with the uid and creation time the recorder
 *       fixed when it accepted it. An activity whose (workspace group, uid) pair was written before
 *       is not written again and is no error, so a batch can be retried after its answer was lost.
 *   <li><b>All or nothing.</b> A call that throws has written nothing of the batch, or, when it
 *       cannot know (the connection broke after the commit was sent), throws a transient {@link
 *       StoreUnavailableException}, whose retry settles it by the rule above.
 * </ul>
 *
 * <p>What the recorder does with an exception:
 *
 * <ul>
 *   <li>{@link StoreUnavailableException} for a {@linkplain
 *       StoreUnavailableException.Reason#isTransient() transient} reason: it waits and writes the
 *       same batch again, as its {@link RetryPolicy} says.
 *   <li>{@link StoreUnavailableException} for a lasting reason: the batch fails whole, at once.
 *   <li>Anything else means the sink refuses something in the batch (a {@link
 *       org.activitylog.api.ValidationException}, say): the recorder splits the batch until the
 *       refused activities stand alone, counts them as failed and writes the rest. It never retries
 *       a refusal.
 * </ul>
 *
 * <p>The asynchronous recorder calls it from its one writer thread, the synchronous one from every
 * recording thread at once, so it must be thread-safe. It reads the batch during the call only, and
 * never modifies it. The recorder never closes what is behind it.
 */
@FunctionalInterface
public interface ActivitySink {

  /**
   * Writes a batch durably, each activity once per (workspace group, uid).
   *
   * @param batch one or more activities, each with its uid and creation time set; not to be
   *     modified or kept
   * @throws StoreUnavailableException when the batch cannot be written now; a transient reason is
   *     retried
   * @throws RuntimeException any other, when the sink refuses an activity of the batch
   */
  void write(List<NewActivity> batch);
}
