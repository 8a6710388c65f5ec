package org.activitylog.jdbc.crash;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityType;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.Receipt;

/**
 * The child JVM of {@link CrashRecoveryTest}: writes activities through the library from several
 * threads until it is killed, printing the uid of each acknowledged write on its own line, flushed,
 * after the call returned. Thread {@code i} writes through the synchronous recorder ({@code i % 3
 * == 0}), the facade's {@code record} ({@code 1}) or the facade's {@code recordAll} of 8 ({@code
 * 2}).
 *
 * <p>Arguments: {@code h2 <directory> <durable|fast|delay0>} or {@code pg <url> <schema>}, then the
 * thread count. It prints {@code ready} once the store is open.
 */
public final class CrashWriter {
  /** The workspace group every activity the writer records belongs to. */
  static final long WORKSPACE = 7;

  private static final UserSimple ACTOR = UserSimple.of(WORKSPACE, "crash", "crash@example.com");

  private CrashWriter() {}

  /**
   * Runs until killed.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) throws Exception {
    JdbcActivityStore.Builder b =
        args[0].equals("h2")
            ? CrashSettings.h2(Path.of(args[1]), args[2])
            : JdbcActivityStore.builder().jdbcUrl(args[1]).schema(args[2]);
    b.poolSize(8);
    int threads = Integer.parseInt(args[3]);
    JdbcActivityStore store = b.build();
    ActivityRecorder recorder = ActivityRecorder.builder(store).synchronous().build();
    ActivityLog log = ActivityLog.builder(store).build();
    Requester host = Requester.system("crash");
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    out.println("ready");
    out.flush();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int kind = t % 3;
      Thread w =
          new Thread(
              () -> {
                while (true) {
                  try {
                    write(kind, recorder, log, host, out);
                  } catch (RuntimeException e) {
                    synchronized (out) {
                      out.println("error " + e);
                      out.flush();
                    }
                  }
                }
              },
              "crash-writer-" + t);
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
  }

  private static void write(
      int kind, ActivityRecorder recorder, ActivityLog log, Requester host, PrintStream out) {
    List<UUID> acked = new ArrayList<>();
    if (kind == 0) {
      Receipt r = recorder.record(activity(UUID.randomUUID()));
      if (r.status() != Receipt.Status.STORED) {
        throw new IllegalStateException("synchronous recorder answered " + r.status());
      }
      acked.add(r.uid());
    } else if (kind == 1) {
      acked.add(log.record(host, activity(UUID.randomUUID())).uid());
    } else {
      List<NewActivity> batch = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        batch.add(activity(UUID.randomUUID()));
      }
      for (Activity a : log.recordAll(host, batch)) {
        acked.add(a.uid());
      }
    }
    synchronized (out) {
      for (UUID uid : acked) {
        out.println("ack " + uid);
      }
      out.flush();
    }
  }

  private static NewActivity activity(UUID uid) {
    return NewActivity.builder(ActivityType.USER_LOGIN, ACTOR)
        .workspaceGroupId(WORKSPACE)
        .text("crash test")
        .uid(uid)
        .build();
  }
}
