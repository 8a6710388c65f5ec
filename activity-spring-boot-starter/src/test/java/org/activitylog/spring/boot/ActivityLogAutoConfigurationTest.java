package org.activitylog.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.StoreUnavailableException;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.RetentionJob;
import org.activitylog.core.RetentionPolicy;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.micrometer.ActivityRecorderMetrics;
import org.activitylog.micrometer.TimedActivityStore;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.recorder.FullQueuePolicy;
import org.activitylog.recorder.Receipt;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What a Spring Boot application gets from the starter, and what it can replace. */
class ActivityLogAutoConfigurationTest {
  private static final UserSimple JOHN = UserSimple.of(42, "johndoe", "johndoe@example.com");

  @TempDir Path dataDir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActivityLogAutoConfiguration.class))
        .withPropertyValues("activitylog.store.h2-directory=" + dataDir.resolve("h2"));
  }

  @Nested
  @DisplayName("Defaults")
  class Defaults {

    /**
     * If this fails, check that the store bean builds a JdbcActivityStore on the configured H2
     * directory when the application has no DataSource, and that the facade and recorder use the
     * library's defaults.
     */
    @Test
    @DisplayName(
        "With no settings the application gets an H2 store, a private facade and a recorder")
    void defaults() {
      runner()
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ActivityStore.class))
                    .isInstanceOf(JdbcActivityStore.class);
                ActivityLog log = context.getBean(ActivityLog.class);
                assertThat(log.isPublic()).isFalse();
                assertThat(log.maxPageSize()).isEqualTo(ActivityLog.DEFAULT_MAX_PAGE_SIZE);
                Receipt receipt = record(context.getBean(ActivityRecorder.class));
                assertThat(receipt.status()).isEqualTo(Receipt.Status.QUEUED);
                assertThat(Files.exists(dataDir.resolve("h2").resolve("activitylog.mv.db")))
                    .isTrue();
              });
    }

    /**
     * If this fails, check that the store bean takes the application's DataSource from the
     * ObjectProvider and runs after Boot's DataSource auto-configuration.
     */
    @Test
    @DisplayName("An application's single DataSource holds the activities, and no H2 file is made")
    void usesTheApplicationsDataSource() {
      runner()
          .withUserConfiguration(HostDataSource.class)
          .withPropertyValues("activitylog.recorder.mode=sync")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                record(context.getBean(ActivityRecorder.class));
                try (Connection c = context.getBean(DataSource.class).getConnection();
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM activitylog_activity")) {
                  rows.next();
                  assertThat(rows.getLong(1)).isEqualTo(1);
                }
                assertThat(dataDir.resolve("h2")).doesNotExist();
              });
    }
  }

  @Nested
  @DisplayName("Properties")
  class Properties {

    /**
     * If this fails, check the names and defaults of ActivityLogProperties' record components and
     * how the auto-configuration hands them to the builders.
     */
    @Test
    @DisplayName("Every activitylog.* setting reaches the facade and the recorder")
    void settingsBind() {
      runner()
          .withPropertyValues(
              "activitylog.store.type=memory",
              "activitylog.access.mode=public",
              "activitylog.access.public-groups=7,9",
              "activitylog.max-page-size=50",
              "activitylog.recorder.mode=sync",
              "activitylog.recorder.queue-capacity=64",
              "activitylog.recorder.batch-size=16",
              "activitylog.recorder.linger=20ms",
              "activitylog.recorder.full-queue-policy=drop",
              "activitylog.recorder.block-timeout=1s",
              "activitylog.recorder.close-timeout=2s")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                ActivityLogProperties properties = context.getBean(ActivityLogProperties.class);
                assertThat(properties.access().publicGroups()).containsExactlyInAnyOrder(7L, 9L);
                assertThat(properties.recorder().queueCapacity()).isEqualTo(64);
                assertThat(properties.recorder().batchSize()).isEqualTo(16);
                assertThat(properties.recorder().linger()).isEqualTo(Duration.ofMillis(20));
                assertThat(properties.recorder().fullQueuePolicy()).isEqualTo(FullQueuePolicy.DROP);
                assertThat(properties.recorder().blockTimeout()).isEqualTo(Duration.ofSeconds(1));
                assertThat(properties.recorder().closeTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(context.getBean(ActivityStore.class))
                    .isInstanceOf(InMemoryActivityStore.class);
                ActivityLog log = context.getBean(ActivityLog.class);
                assertThat(log.isPublic()).isTrue();
                assertThat(log.maxPageSize()).isEqualTo(50);
                Receipt receipt = record(context.getBean(ActivityRecorder.class));
                assertThat(receipt.status()).isEqualTo(Receipt.Status.STORED);
              });
    }

    /**
     * If this fails, check that the defaults of ActivityLogProperties match the library's: an empty
     * public-groups set, not a missing one, and the recorder's own defaults.
     */
    @Test
    @DisplayName("Unset properties take the library's defaults")
    void defaultsMatchTheLibrary() {
      runner()
          .run(
              context -> {
                ActivityLogProperties properties = context.getBean(ActivityLogProperties.class);
                assertThat(properties.access().publicGroups()).isEmpty();
                assertThat(properties.store().type())
                    .isEqualTo(ActivityLogProperties.StoreType.JDBC);
                assertThat(properties.store().migrate()).isTrue();
                assertThat(properties.recorder().mode())
                    .isEqualTo(ActivityLogProperties.RecorderMode.ASYNC);
                assertThat(properties.recorder().queueCapacity()).isEqualTo(10_000);
                assertThat(properties.recorder().batchSize()).isEqualTo(500);
                assertThat(properties.recorder().fullQueuePolicy())
                    .isEqualTo(FullQueuePolicy.BLOCK);
              });
    }

    /**
     * If this fails, check that the auto-configuration passes the value to the recorder's builder
     * unchanged, so that the builder's check names the setting.
     */
    @Test
    @DisplayName("A value the library refuses fails the start with an error naming the setting")
    void badValueFailsTheStart() {
      runner()
          .withPropertyValues("activitylog.store.type=memory", "activitylog.recorder.batch-size=0")
          .run(
              context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("batchSize");
              });
    }

    /**
     * If this fails, check that MemoryStores tests for activity-memory before touching its classes
     * and names the missing artifact.
     */
    @Test
    @DisplayName("The memory store without activity-memory fails the start naming the artifact")
    void memoryStoreNeedsItsModule() {
      runner()
          .withClassLoader(new FilteredClassLoader(InMemoryActivityStore.class))
          .withPropertyValues("activitylog.store.type=memory")
          .run(
              context ->
                  assertThat(context.getStartupFailure())
                      .rootCause()
                      .hasMessageContaining("activity-memory"));
    }
  }

  @Nested
  @DisplayName("Activity types")
  class Types {

    /**
     * If this fails, check that the store bean passes the application's ActivityCatalogue to the
     * store's builder.
     */
    @Test
    @DisplayName("An application's ActivityCatalogue bean lets the store read its own types back")
    void catalogueReachesTheStore() {
      runner()
          .withUserConfiguration(ShopTypes.class)
          .withPropertyValues("activitylog.store.type=memory", "activitylog.recorder.mode=sync")
          .run(
              context -> {
                context
                    .getBean(ActivityRecorder.class)
                    .record(ShopActivity.ORDER_PLACED, JOHN)
                    .workspaceGroupId(7)
                    .submit();
                assertThat(
                        context
                            .getBean(ActivityStore.class)
                            .activities()
                            .list(
                                ActivityQuery.ALL,
                                org.activitylog.api.PageRequest.of(1, 10),
                                org.activitylog.api.Sort.DEFAULT)
                            .items())
                    .singleElement()
                    .satisfies(a -> assertThat(a.type()).isEqualTo(ShopActivity.ORDER_PLACED));
              });
    }
  }

  @Nested
  @DisplayName("Back-off")
  class BackOff {

    /**
     * If this fails, check @ConditionalOnMissingBean on the store, facade and recorder methods of
     * the auto-configuration.
     */
    @Test
    @DisplayName("Beans the application defines replace the auto-configured ones")
    void applicationBeansWin() {
      runner()
          .withUserConfiguration(OwnBeans.class)
          .run(
              context -> {
                assertThat(context).hasSingleBean(ActivityStore.class);
                assertThat(context).hasSingleBean(ActivityLog.class);
                assertThat(context).hasSingleBean(ActivityRecorder.class);
                assertThat(context.getBean(ActivityStore.class)).isSameAs(OwnBeans.STORE);
                assertThat(context.getBean(ActivityLog.class).maxPageSize()).isEqualTo(7);
                assertThat(context.getBean(ActivityRecorder.class)).isSameAs(OwnBeans.RECORDER);
                assertThat(dataDir.resolve("h2")).doesNotExist();
              });
    }
  }

  @Nested
  @DisplayName("Shutdown")
  class Shutdown {

    /**
     * If this fails, check that the recorder bean is closed with the context (destroyMethod close),
     * which drains the queue before the store is closed.
     */
    @Test
    @DisplayName("Closing the context writes what the recorder still had queued")
    void closeFlushes() {
      KeptStore.STORE.set(InMemoryActivityStore.create(Clock.systemUTC()));
      ConfigurableApplicationContext[] kept = new ConfigurableApplicationContext[1];
      runner()
          .withUserConfiguration(KeptStore.class)
          // A batch waits up to an hour to fill: only the close can write this one.
          .withPropertyValues(
              "activitylog.recorder.linger=1h", "activitylog.recorder.batch-size=100")
          .run(
              context -> {
                kept[0] = context;
                record(context.getBean(ActivityRecorder.class));
                assertThat(KeptStore.STORE.get().activities().count(ActivityQuery.ALL)).isZero();
              });
      assertThat(kept[0].isActive()).isFalse();
      assertThat(KeptStore.STORE.get().activities().count(ActivityQuery.ALL)).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("Health")
  class HealthIndicators {

    /** If this fails, check ActivityLogHealthIndicator's probe and its recorder details. */
    @Test
    @DisplayName("The health is UP with the recorder's queue depth while the store answers")
    void upWithQueueDepth() {
      runner()
          .withPropertyValues("activitylog.store.type=memory")
          .run(
              context -> {
                Health health =
                    context.getBean("activityLogHealthIndicator", HealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("recorderQueueDepth", 0);
              });
    }

    /**
     * If this fails, check that ActivityLogHealthIndicator catches the store's exception and
     * reports its reason without its cause.
     */
    @Test
    @DisplayName("The health is DOWN, with the reason, when the store is unreachable")
    void downWhenTheStoreFails() {
      runner()
          .withUserConfiguration(UnreachableStore.class)
          .run(
              context -> {
                Health health =
                    context.getBean("activityLogHealthIndicator", HealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails())
                    .containsEntry("reason", "UNREACHABLE")
                    .containsEntry("error", "database down");
              });
    }

    /** If this fails, check @ConditionalOnEnabledHealthIndicator on the health configuration. */
    @Test
    @DisplayName("management.health.activitylog.enabled=false removes the indicator")
    void canBeSwitchedOff() {
      runner()
          .withPropertyValues(
              "activitylog.store.type=memory", "management.health.activitylog.enabled=false")
          .run(context -> assertThat(context).doesNotHaveBean(ActivityLogHealthIndicator.class));
    }

    /** If this fails, check @ConditionalOnClass(HealthIndicator) on the health configuration. */
    @Test
    @DisplayName(
        "Without Spring Boot's health module the application still starts, with no indicator")
    void absentWithoutTheHealthModule() {
      runner()
          .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
          .withPropertyValues("activitylog.store.type=memory")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(ActivityLogHealthIndicator.class);
              });
    }
  }

  @Nested
  @DisplayName("Metrics")
  class Metrics {

    private ApplicationContextRunner withRegistry() {
      return runner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class))
          .withPropertyValues("activitylog.store.type=memory", "activitylog.recorder.mode=sync");
    }

    /**
     * If this fails, check that MetricsConfiguration registers ActivityRecorderMetrics as a
     * MeterBinder bean (Boot binds it) and wraps the store in TimedActivityStore.
     */
    @Test
    @DisplayName("With a MeterRegistry the recorder's meters and the store's timer are registered")
    void metersAreBound() {
      withRegistry()
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ActivityStore.class))
                    .isInstanceOf(TimedActivityStore.class);
                record(context.getBean(ActivityRecorder.class));
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(
                        registry
                            .get(ActivityRecorderMetrics.STORED)
                            .tag(ActivityRecorderMetrics.RECORDER_TAG, "default")
                            .functionCounter()
                            .count())
                    .isEqualTo(1.0);
                assertThat(registry.get(TimedActivityStore.CALLS).timers()).isNotEmpty();
              });
    }

    /** If this fails, check that activityStoreTimer reads activitylog.metrics.time-store. */
    @Test
    @DisplayName("activitylog.metrics.time-store=false leaves the store untimed")
    void storeTimingCanBeSwitchedOff() {
      withRegistry()
          .withPropertyValues("activitylog.metrics.time-store=false")
          .run(
              context ->
                  assertThat(context.getBean(ActivityStore.class))
                      .isInstanceOf(InMemoryActivityStore.class));
    }

    /**
     * If this fails, check @ConditionalOnClass(ActivityRecorderMetrics) on the metrics
     * configuration: activity-micrometer is optional.
     */
    @Test
    @DisplayName(
        "Without activity-micrometer the application starts, with a registry but no meters")
    void noBindingModuleNoMeters() {
      withRegistry()
          .withClassLoader(new FilteredClassLoader("org.activitylog.micrometer"))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(MeterRegistry.class);
                assertThat(context.getBean(ActivityStore.class))
                    .isInstanceOf(InMemoryActivityStore.class);
              });
    }

    /** If this fails, check @ConditionalOnBean(MeterRegistry) on the metrics configuration. */
    @Test
    @DisplayName("Without a MeterRegistry no meter binder is made and the store is not wrapped")
    void noRegistryNoMeters() {
      runner()
          .withPropertyValues("activitylog.store.type=memory")
          .run(
              context -> {
                assertThat(context).doesNotHaveBean(ActivityRecorderMetrics.class);
                assertThat(context.getBean(ActivityStore.class))
                    .isInstanceOf(InMemoryActivityStore.class);
              });
    }
  }

  @Nested
  @DisplayName("Retention")
  class Retention {

    /** If this fails, check @ConditionalOnProperty on the retention configuration. */
    @Test
    @DisplayName("Retention is off unless activitylog.retention.enabled is true")
    void offByDefault() {
      runner()
          .withPropertyValues("activitylog.store.type=memory")
          .run(
              context -> {
                assertThat(context).doesNotHaveBean(RetentionJob.class);
                assertThat(context).doesNotHaveBean(RetentionSchedule.class);
              });
    }

    /**
     * If this fails, check how activityRetentionPolicy turns default-age, types (by code or seed
     * constant name) and groups into rules.
     */
    @Test
    @DisplayName("The retention properties become the policy's rules, by type code or seed name")
    void propertiesBecomeRules() {
      runner()
          .withPropertyValues(
              "activitylog.store.type=memory",
              "activitylog.retention.enabled=true",
              "activitylog.retention.default-age=30d",
              "activitylog.retention.types[USER_LOGIN]=7d",
              "activitylog.retention.groups[9]=90d")
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                RetentionPolicy policy = context.getBean(RetentionPolicy.class);
                assertThat(policy.ruleFor(ActivityType.USER_LOGIN, 1))
                    .hasValueSatisfying(r -> assertThat(r.keep()).isEqualTo(Duration.ofDays(7)));
                assertThat(policy.ruleFor(ActivityType.GAME_WON, 9))
                    .hasValueSatisfying(r -> assertThat(r.keep()).isEqualTo(Duration.ofDays(90)));
                assertThat(policy.ruleFor(ActivityType.GAME_WON, 1))
                    .hasValueSatisfying(r -> assertThat(r.keep()).isEqualTo(Duration.ofDays(30)));
                assertThat(context.getBean(RetentionSchedule.class).isRunning()).isTrue();
              });
    }

    /**
     * If this fails, check that the RetentionJob bean purges the auto-configured store with the
     * configured policy.
     */
    @Test
    @DisplayName("The retention job deletes what the configured ages have outlived")
    void jobPurgesTheStore() {
      runner()
          .withPropertyValues(
              "activitylog.store.type=memory",
              "activitylog.retention.enabled=true",
              "activitylog.retention.default-age=30d")
          .run(
              context -> {
                ActivityStore store = context.getBean(ActivityStore.class);
                store
                    .activities()
                    .insert(
                        org.activitylog.api.NewActivity.builder(ActivityType.USER_LOGIN, JOHN)
                            .workspaceGroupId(7)
                            .uid(java.util.UUID.randomUUID())
                            .createdAt(Instant.now().minus(Duration.ofDays(400)))
                            .build());
                store
                    .activities()
                    .insert(
                        org.activitylog.api.NewActivity.builder(ActivityType.USER_LOGIN, JOHN)
                            .workspaceGroupId(7)
                            .uid(java.util.UUID.randomUUID())
                            .createdAt(Instant.now())
                            .build());
                assertThat(context.getBean(RetentionJob.class).run().removed()).isEqualTo(1);
                assertThat(store.activities().count(ActivityQuery.ALL)).isEqualTo(1);
              });
    }

    /** If this fails, check the ValidationException thrown for an unknown type code. */
    @Test
    @DisplayName("A type code the catalogue does not know fails the start naming the setting")
    void unknownTypeFails() {
      runner()
          .withPropertyValues(
              "activitylog.store.type=memory",
              "activitylog.retention.enabled=true",
              "activitylog.retention.types[no.such.type]=7d")
          .run(
              context ->
                  assertThat(context.getStartupFailure())
                      .rootCause()
                      .isInstanceOf(ValidationException.class)
                      .hasMessageContaining("activitylog.retention.types"));
    }
  }

  private static Receipt record(ActivityRecorder recorder) {
    return recorder
        .record(ActivityType.USER_LOGIN, JOHN)
        .workspaceGroupId(7)
        .text("signed in")
        .submit();
  }

  enum ShopActivity implements ActivityKind {
    ORDER_PLACED;

    @Override
    public String code() {
      return "shop.order_placed";
    }

    @Override
    public String label() {
      return "Order Placed";
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ShopTypes {
    @Bean
    ActivityCatalogue shopCatalogue() {
      return ActivityCatalogue.standard().with(ShopActivity.class);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class HostDataSource {
    @Bean
    DataSource dataSource() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:host" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return h2;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final ActivityStore STORE = InMemoryActivityStore.create(Clock.systemUTC());
    static final ActivityRecorder RECORDER = ActivityRecorder.builder(STORE).synchronous().build();

    @Bean(destroyMethod = "")
    ActivityStore ownStore() {
      return STORE;
    }

    @Bean
    ActivityLog ownLog(ActivityStore store) {
      return ActivityLog.builder(store).maxPageSize(7).build();
    }

    @Bean(destroyMethod = "")
    ActivityRecorder ownRecorder() {
      return RECORDER;
    }
  }

  /** A store the test reads after the context has closed. */
  @Configuration(proxyBeanMethods = false)
  static class KeptStore {
    static final java.util.concurrent.atomic.AtomicReference<ActivityStore> STORE =
        new java.util.concurrent.atomic.AtomicReference<>();

    @Bean(destroyMethod = "")
    ActivityStore keptStore() {
      return STORE.get();
    }
  }

  /** A store whose every call fails as an unreachable database does. */
  @Configuration(proxyBeanMethods = false)
  static class UnreachableStore {
    @Bean(destroyMethod = "")
    ActivityStore unreachable() {
      ActivityRepository down =
          (ActivityRepository)
              Proxy.newProxyInstance(
                  ActivityRepository.class.getClassLoader(),
                  new Class<?>[] {ActivityRepository.class},
                  (proxy, method, args) -> {
                    throw new StoreUnavailableException(
                        StoreUnavailableException.Reason.UNREACHABLE, "database down");
                  });
      ActivityStore memory = InMemoryActivityStore.create(Clock.systemUTC());
      return (ActivityStore)
          Proxy.newProxyInstance(
              ActivityStore.class.getClassLoader(),
              new Class<?>[] {ActivityStore.class},
              (proxy, method, args) ->
                  method.getName().equals("activities")
                      ? down
                      : method.invoke(memory, args == null ? new Object[0] : args));
    }
  }
}
