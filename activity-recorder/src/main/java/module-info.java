/**
 * activitylog's asynchronous recorder: records activities from the host application's hot path and
 * writes them to any store, or any other {@link org.activitylog.recorder.ActivitySink}, in batches
 * on a background thread. Start at {@link org.activitylog.recorder.ActivityRecorder}.
 */
@org.jspecify.annotations.NullMarked
module org.activitylog.recorder {
  requires transitive org.activitylog.api;
  requires static transitive org.jspecify;

  exports org.activitylog.recorder;
}
