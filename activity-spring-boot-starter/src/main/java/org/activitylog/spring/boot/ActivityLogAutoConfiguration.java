package org.activitylog.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.activitylog.api.ActivityCatalogue;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ValidationException;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.RetentionJob;
import org.activitylog.core.RetentionPolicy;
import org.activitylog.jdbc.JdbcActivityStore;
import org.activitylog.memory.InMemoryActivityStore;
import org.activitylog.micrometer.ActivityRecorderMetrics;
import org.activitylog.micrometer.TimedActivityStore;
import org.activitylog.recorder.ActivityRecorder;
import org.activitylog.spi.ActivityStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Auto-configures activitylog from {@link ActivityLogProperties}: an {@link ActivityStore}, an
 * {@link ActivityLog} and an {@link ActivityRecorder}, each only when the application defines none
 * of its own. The recorder is closed, writing what it queued, when the context closes; the store is
 * closed after it (a store over the application's {@code DataSource} never closes that DataSource).
 * With Spring Boot's health module present it adds {@link ActivityLogHealthIndicator}; with
 * Micrometer and {@code activity-micrometer} and a {@code MeterRegistry}, the recorder's meters and
 * a timer around every call of the auto-configured store.
 *
 * <p>It runs after Boot's DataSource and meter registry auto-configurations, named by class name so
 * that neither module is needed on the class path.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@EnableConfigurationProperties(ActivityLogProperties.class)
public class ActivityLogAutoConfiguration implements BeanClassLoaderAware {
  private static final String MEMORY_STORE = "org.activitylog.memory.InMemoryActivityStore";

  private ClassLoader classLoader = ActivityLogAutoConfiguration.class.getClassLoader();

  /** Created by Spring. */
  public ActivityLogAutoConfiguration() {}

  /**
   * The application's class loader, where optional modules are looked for.
   *
   * @param value the class loader
   */
  @Override
  public void setBeanClassLoader(ClassLoader value) {
    this.classLoader = value;
  }

  /**
   * The store the properties describe, timed when a meter registry is present.
   *
   * @param properties the {@code activitylog.*} settings
   * @param dataSource the application's DataSource, used when it has exactly one
   * @param catalogue the application's activity types, when it defines a catalogue
   * @param decorator wraps the store, when metrics are on
   * @return the store; closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ActivityStore activityStore(
      ActivityLogProperties properties,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<ActivityCatalogue> catalogue,
      ObjectProvider<StoreDecorator> decorator) {
    ActivityCatalogue types = catalogue.getIfUnique(ActivityCatalogue::standard);
    ActivityLogProperties.Store settings = properties.store();
    ActivityStore store =
        switch (settings.type()) {
          case MEMORY -> MemoryStores.create(types, classLoader);
          case JDBC -> jdbcStore(settings, dataSource.getIfUnique(), types);
        };
    StoreDecorator wrap = decorator.getIfUnique();
    return wrap == null ? store : wrap.decorate(store);
  }

  private static ActivityStore jdbcStore(
      ActivityLogProperties.Store settings,
      @Nullable DataSource dataSource,
      ActivityCatalogue types) {
    JdbcActivityStore.Builder builder =
        JdbcActivityStore.builder().catalogue(types).migrate(settings.migrate());
    if (dataSource != null) {
      builder.dataSource(dataSource);
    } else {
      builder.h2Directory(Path.of(settings.h2Directory()));
    }
    String schema = settings.schema();
    if (schema != null) {
      builder.schema(schema);
    }
    return builder.build();
  }

  /**
   * The facade, with the access mode and page size of the properties.
   *
   * @param store the store
   * @param properties the {@code activitylog.*} settings
   * @return the facade
   */
  @Bean
  @ConditionalOnMissingBean
  public ActivityLog activityLog(ActivityStore store, ActivityLogProperties properties) {
    ActivityLog.Builder builder = ActivityLog.builder(store).maxPageSize(properties.maxPageSize());
    ActivityLogProperties.Access access = properties.access();
    switch (access.mode()) {
      case PRIVATE -> builder.privateAccess();
      case PUBLIC -> builder.publicAccess(access.publicGroups());
    }
    return builder.build();
  }

  /**
   * The recorder, writing to the store's batch insert. Closing it with the context writes what it
   * queued, waiting at most {@code activitylog.recorder.close-timeout}.
   *
   * @param store the store
   * @param properties the {@code activitylog.*} settings
   * @return the recorder
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ActivityRecorder activityRecorder(ActivityStore store, ActivityLogProperties properties) {
    ActivityLogProperties.Recorder settings = properties.recorder();
    ActivityRecorder.Builder builder = ActivityRecorder.builder(store);
    switch (settings.mode()) {
      case SYNC -> builder.synchronous();
      case ASYNC -> builder.asynchronous();
    }
    return builder
        .queueCapacity(settings.queueCapacity())
        .batchSize(settings.batchSize())
        .linger(settings.linger())
        .fullQueuePolicy(settings.fullQueuePolicy())
        .blockTimeout(settings.blockTimeout())
        .closeTimeout(settings.closeTimeout())
        .build();
  }

  /** Wraps the auto-configured store; the metrics configuration gives one. */
  @FunctionalInterface
  interface StoreDecorator {
    ActivityStore decorate(ActivityStore store);
  }

  /** Loaded only for {@code type: memory}, so that activity-memory stays optional. */
  private static final class MemoryStores {
    static ActivityStore create(ActivityCatalogue types, ClassLoader classLoader) {
      if (!ClassUtils.isPresent(MEMORY_STORE, classLoader)) {
        throw new IllegalStateException(
            "activitylog.store.type=memory needs org.activitylog:activity-memory on the class path");
      }
      return InMemoryActivityStore.create(Clock.systemUTC(), types);
    }
  }

  /** Retention, when {@code activitylog.retention.enabled=true}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "activitylog.retention", name = "enabled", havingValue = "true")
  static class RetentionConfiguration {
    @Bean
    @ConditionalOnMissingBean
    RetentionPolicy activityRetentionPolicy(
        ActivityLogProperties properties, ObjectProvider<ActivityCatalogue> catalogue) {
      ActivityCatalogue types = catalogue.getIfUnique(ActivityCatalogue::standard);
      ActivityLogProperties.Retention settings = properties.retention();
      RetentionPolicy.Builder policy = RetentionPolicy.builder();
      Duration defaultAge = settings.defaultAge();
      if (defaultAge != null) {
        policy.keepByDefault(defaultAge);
      }
      settings.types().forEach((code, age) -> policy.keep(kind(types, code), age));
      settings.groups().forEach(policy::keepInGroup);
      return policy.build();
    }

    /** A type by its code, or a seed type by its constant name. */
    private static ActivityKind kind(ActivityCatalogue types, String code) {
      return types
          .find(code)
          .or(() -> seedType(code))
          .orElseThrow(
              () ->
                  new ValidationException(
                      "activitylog.retention.types",
                      "must name a type of the catalogue by its code",
                      code));
    }

    private static Optional<ActivityKind> seedType(String name) {
      for (ActivityType type : ActivityType.values()) {
        if (type.name().equals(name)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }

    @Bean
    @ConditionalOnMissingBean
    RetentionJob activityRetentionJob(ActivityStore store, RetentionPolicy policy) {
      return RetentionJob.builder(store, policy).build();
    }

    @Bean
    RetentionSchedule activityRetentionSchedule(
        RetentionJob job, ActivityLogProperties properties) {
      return new RetentionSchedule(job, properties.retention().schedule());
    }
  }

  /** The health indicator, when Spring Boot's health module is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("activitylog")
  static class HealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "activityLogHealthIndicator")
    ActivityLogHealthIndicator activityLogHealthIndicator(
        ActivityStore store, ObjectProvider<ActivityRecorder> recorder) {
      return new ActivityLogHealthIndicator(store, recorder.getIfUnique());
    }
  }

  /** Meters, when Micrometer, activity-micrometer and a registry are present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterRegistry.class, ActivityRecorderMetrics.class})
  @ConditionalOnBean(MeterRegistry.class)
  static class MetricsConfiguration {
    /** A binder: Boot binds it to every registry it manages. */
    @Bean
    @ConditionalOnMissingBean
    ActivityRecorderMetrics activityRecorderMetrics(
        ActivityRecorder recorder, ActivityLogProperties properties) {
      return new ActivityRecorderMetrics(recorder, properties.metrics().name());
    }

    @Bean
    StoreDecorator activityStoreTimer(
        ObjectProvider<MeterRegistry> registry, ActivityLogProperties properties) {
      ActivityLogProperties.Metrics settings = properties.metrics();
      return store -> {
        MeterRegistry meters = registry.getIfAvailable();
        return settings.timeStore() && meters != null
            ? new TimedActivityStore(store, meters, settings.name())
            : store;
      };
    }
  }
}
