package org.activitylog.kafka;

import java.time.Duration;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.Receipt;

/**
 * An application node for the kill test: a synchronous recorder over {@link KafkaActivitySink} that
 * records activities until it is killed and prints each uid once {@code record} returned.
 * Arguments: bootstrap servers, topic, workspace group id.
 */
final class ProducerNode {
  private ProducerNode() {}

  public static void main(String[] args) {
    KafkaActivitySink sink =
        KafkaActivitySink.builder(args[0], args[1]).deliveryTimeout(Duration.ofSeconds(10)).build();
    long wg = Long.parseLong(args[2]);
    ActivityRecorder recorder = ActivityRecorder.builder(sink).synchronous().build();
    for (int i = 0; ; i++) {
      Receipt r =
          recorder.record(
              NewActivity.builder(
                      ActivityType.USER_LOGIN, UserSimple.of(9, "node", "n@example.org"))
                  .workspaceGroupId(wg)
                  .text("n" + i)
                  .build());
      System.out.println(r.uid());
      System.out.flush();
    }
  }
}
