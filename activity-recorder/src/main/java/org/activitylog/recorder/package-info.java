/**
 * The in-process recorder: records activities from the host application's hot path and writes them
 * to the store in batches on a background thread, with a bounded queue, back-pressure, retries and
 * counted, logged losses. Start at {@link org.activitylog.recorder.ActivityRecorder}.
 */
package org.activitylog.recorder;
