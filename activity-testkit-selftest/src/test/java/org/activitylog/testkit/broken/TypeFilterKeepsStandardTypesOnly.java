package org.activitylog.testkit.broken;

import java.util.Set;
import java.util.stream.Collectors;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.testkit.MutableClock;

/**
 * Builds the {@code activity_type IN (…)} list by looking each filter type up with {@code
 * ActivityType.findByCode}, dropping codes the seeds do not define; when no type is left, it adds
 * no condition, so a filter on host types alone lists every type.
 */
final class TypeFilterKeepsStandardTypesOnly extends QueryRewritingRepository {

  TypeFilterKeepsStandardTypesOnly(ActivityRepository delegate) {
    super(delegate);
  }

  @Override
  ActivityQuery rewrite(ActivityQuery q) {
    Set<ActivityKind> types =
        q.types().stream()
            .flatMap(t -> ActivityType.findByCode(t.code()).stream())
            .collect(Collectors.toSet());
    return new ActivityQuery(
        q.ids(),
        q.uids(),
        types,
        q.actors(),
        q.workspaceGroupIds(),
        q.campaignIds(),
        q.createdFrom(),
        q.createdBefore(),
        q.followedBy(),
        q.deleted());
  }

  /** The contract run against this backend; only {@link BrokenBackendsTest} runs it. */
  static final class Contract extends BrokenContract {
    @Override
    protected ActivityStore createStore(MutableClock clock) {
      return BrokenStore.create(clock, TypeFilterKeepsStandardTypesOnly::new);
    }
  }
}
