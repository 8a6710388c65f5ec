package org.activitylog.testkit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Actor;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;

/**
 * Random, test-private data. Every workspace group, actor and uid it makes is new, so tests that
 * share one database never see each other's activities as long as they query through {@link
 * #query()} or their own workspace groups and actors.
 */
public final class TestActivities {
  private static final long MIN_ID = 1_000_000L;
  private static final long MAX_ID = 1L << 52; // exact in a JSON double, for HTTP clients

  private final Clock clock;
  private final long workspaceGroupId;
  private final List<Long> workspaceGroupIds = new ArrayList<>();

  /**
   * Creates test data stamped with a clock's time.
   *
   * @param clock the creation time of every activity this builds, unless set otherwise
   */
  public TestActivities(Clock clock) {
    this.clock = clock;
    this.workspaceGroupId = newWorkspaceGroupId();
  }

  /**
   * {@return the default workspace group of this test: every activity goes here unless told
   * otherwise}
   */
  public long workspaceGroupId() {
    return workspaceGroupId;
  }

  /** {@return a new workspace group, private to this test} */
  public long newWorkspaceGroupId() {
    long id = randomId();
    workspaceGroupIds.add(id);
    return id;
  }

  /** {@return every workspace group this test has made, the default one first} */
  public List<Long> workspaceGroupIds() {
    return List.copyOf(workspaceGroupIds);
  }

  /** {@return a new AISquare user with every field set} */
  public UserSimple user() {
    long id = randomId();
    return UserSimple.builder(id, "user_" + id, "user" + id + "@example.com")
        .fullName("Test User " + id)
        .theme("dark")
        .isSuperuser(false)
        .isStaff(false)
        .isActive(true)
        .isVerified(true)
        .profilePicture("https://example.com/pictures/" + id + ".png")
        .build();
  }

  /** {@return a new Brightidea member with an id, a screen name and an e-mail address} */
  public Member member() {
    UUID id = UUID.randomUUID();
    Member m = Member.of(id, "Member " + id.toString().substring(0, 8));
    return Member.builder(id)
        .email("member-" + id.toString().substring(0, 8) + "@example.com")
        .screenName(m.screenName())
        .firstName("First")
        .lastName("Last")
        .dateCreated(clock.instant())
        .active(true)
        .build();
  }

  /**
   * {@return a builder for an activity in this test's workspace, created now by the clock, with a
   * fresh uid, some text and a small resource}
   *
   * @param type what happened
   * @param actor who did it
   */
  public NewActivity.Builder activity(ActivityKind type, Actor actor) {
    return NewActivity.builder(type, actor)
        .uid(UUID.randomUUID())
        .createdAt(clock.instant())
        .createdBy("testkit")
        .workspaceGroupId(workspaceGroupId)
        .text(type.label() + " by " + actor.ref())
        .resource(Map.of("kind", "test", "n", ThreadLocalRandom.current().nextInt(1000)));
  }

  /**
   * {@return a complete activity in this test's workspace: a login by the given actor}
   *
   * @param actor who logged in
   */
  public NewActivity login(Actor actor) {
    return activity(ActivityType.USER_LOGIN, actor).build();
  }

  /** {@return a complete activity in this test's workspace: a login by a new user} */
  public NewActivity any() {
    return login(user());
  }

  /** {@return a query builder restricted to every workspace group this test has made so far} */
  public ActivityQuery.Builder query() {
    return ActivityQuery.builder().workspaceGroupIds(workspaceGroupIds);
  }

  private static long randomId() {
    return ThreadLocalRandom.current().nextLong(MIN_ID, MAX_ID);
  }
}
