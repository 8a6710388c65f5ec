package org.activitylog.spring.boot;

import java.lang.System.Logger.Level;
import org.activitylog.core.RetentionJob;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs a retention job on a cron schedule from its own daemon thread, from the context's start to
 * its stop. Stopping comes before any bean is destroyed, so a run never meets a closed store. A
 * failed run is logged and the schedule goes on; on a cluster the job's lease lets one node run.
 */
final class RetentionSchedule implements SmartLifecycle {
  private static final System.Logger LOG = System.getLogger(RetentionSchedule.class.getName());

  private final RetentionJob job;
  private final CronTrigger trigger;
  private @Nullable ThreadPoolTaskScheduler scheduler;

  RetentionSchedule(RetentionJob job, String cron) {
    this.job = job;
    this.trigger = new CronTrigger(cron);
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
    started.setThreadNamePrefix("activitylog-retention-");
    started.setDaemon(true);
    started.initialize();
    started.schedule(this::runOnce, trigger);
    scheduler = started;
  }

  @Override
  public synchronized void stop() {
    ThreadPoolTaskScheduler running = scheduler;
    if (running != null) {
      running.shutdown();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  private void runOnce() {
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "activitylog retention run failed; the next runs as scheduled", e);
    }
  }
}
