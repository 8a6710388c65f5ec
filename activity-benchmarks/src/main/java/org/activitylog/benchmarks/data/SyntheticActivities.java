package org.activitylog.benchmarks.data;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.activitylog.api.ActivityType;
import org.activitylog.api.Actor;
import org.activitylog.api.Campaign;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;

/**
 * The benchmark's activities: {@value #WORKSPACES} workspace groups, {@value #ACTORS} actors and
 * every activity type, spread evenly over one year. AISquare users (four in five actors) do
 * AISquare activities; Brightidea members do Brightidea activities in one of {@value #CAMPAIGNS}
 * campaigns. Each activity has a text of about 60 characters and a resource of about 150 bytes of
 * JSON. Everything is derived from a seed, so a data set can be rebuilt row by row.
 */
public final class SyntheticActivities {
  /** How many workspace groups (tenants) own the activities. */
  public static final int WORKSPACES = 50;

  /** How many distinct actors act. */
  public static final int ACTORS = 10_000;

  /** How many Brightidea campaigns there are. */
  public static final int CAMPAIGNS = 20;

  /** The first workspace group id; the others follow it. */
  public static final long FIRST_WORKSPACE = 1_001;

  private static final int USERS = ACTORS * 4 / 5;
  private static final String RECORDED_BY = "activitylog-benchmarks";
  private static final String[] RESOURCE_KINDS = {
    "quest", "blog", "podcast", "video", "idea", "collection", "experience", "document"
  };

  private final long seed;
  private final Instant start;
  private final long spanMicros;
  private final Actor[] actors = new Actor[ACTORS];
  private final Campaign[] campaigns = new Campaign[CAMPAIGNS];
  private final ActivityType[] aisquareTypes;
  private final ActivityType[] brightideaTypes;

  /**
   * Creates the generator for the year that ends at an instant.
   *
   * @param seed the seed every value derives from
   * @param end the end of the year the activities are spread over
   */
  public SyntheticActivities(long seed, Instant end) {
    this.seed = seed;
    this.start = end.minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
    this.spanMicros = Duration.between(start, end).toNanos() / 1000;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < ACTORS; i++) {
      actors[i] = i < USERS ? user(i, random) : member(i, random);
    }
    for (int i = 0; i < CAMPAIGNS; i++) {
      campaigns[i] = new Campaign(new UUID(0xCA3Bl, i), "Campaign " + (i + 1) + " of the year");
    }
    aisquareTypes = of(ActivityType.Catalogue.AISQUARE);
    brightideaTypes = of(ActivityType.Catalogue.BRIGHTIDEA);
  }

  /**
   * The id of one of the workspace groups.
   *
   * @param k 0 to {@value #WORKSPACES} - 1
   */
  public static long workspace(int k) {
    if (k < 0 || k >= WORKSPACES) {
      throw new IllegalArgumentException("k must be 0 to " + (WORKSPACES - 1) + "; was " + k);
    }
    return FIRST_WORKSPACE + k;
  }

  /** Every activity type, AISquare's then Brightidea's. */
  public List<ActivityType> types() {
    List<ActivityType> all = new ArrayList<>(Arrays.asList(aisquareTypes));
    all.addAll(Arrays.asList(brightideaTypes));
    return all;
  }

  /**
   * Activity {@code index} of a data set of {@code total}: the same value every time, created
   * {@code index / total} of the way through the year, so ids and creation times grow together.
   *
   * @param index 0 to total - 1
   * @param total the size of the data set
   */
  public NewActivity historical(long index, long total) {
    SplittableRandom random = new SplittableRandom(seed * 31 + index);
    // spanMicros * index overflows a long past about 292,000 rows (a year is 3.2e13 µs), which
    // wrapped the creation times of larger data sets; split the product so it cannot.
    long offset = spanMicros / total * index + spanMicros % total * index / total;
    Instant at = start.plus(offset, ChronoUnit.MICROS);
    return activity(random, at);
  }

  /**
   * A new activity created at an instant, with a new uid, for the insert benchmarks.
   *
   * @param random where its values come from
   * @param at its creation time
   */
  public NewActivity fresh(SplittableRandom random, Instant at) {
    return activity(random, at);
  }

  private NewActivity activity(SplittableRandom random, Instant at) {
    int a = random.nextInt(ACTORS);
    boolean user = a < USERS;
    ActivityType type =
        user
            ? aisquareTypes[random.nextInt(aisquareTypes.length)]
            : brightideaTypes[random.nextInt(brightideaTypes.length)];
    long workspace = workspace(random.nextInt(WORKSPACES));
    int item = random.nextInt(1_000_000);
    String kind = RESOURCE_KINDS[item % RESOURCE_KINDS.length];
    NewActivity.Builder b =
        NewActivity.builder(type, actors[a])
            .uid(TimeOrderedUid.at(at.toEpochMilli(), random))
            .createdAt(at)
            .createdBy(RECORDED_BY)
            .workspaceGroupId(workspace)
            .derivedWorkspaceGroupId(workspace)
            .text(
                type.label() + " by actor " + a + " on " + kind + " " + item + " in the workspace")
            .resource(
                Map.of(
                    "id",
                    item,
                    "kind",
                    kind,
                    "title",
                    "The " + kind + " number " + item,
                    "url",
                    "https://example.test/" + kind + "s/" + item,
                    "tags",
                    List.of("benchmark", kind)));
    if (!user) {
      b.campaign(campaigns[random.nextInt(CAMPAIGNS)]);
    }
    return b.build();
  }

  private static UserSimple user(int i, SplittableRandom random) {
    String name = "user" + i;
    return UserSimple.builder(100_000L + i, name, name + "@example.test")
        .fullName("User Number " + i)
        .theme(random.nextBoolean() ? "dark" : "light")
        .isSuperuser(false)
        .isStaff(false)
        .isActive(true)
        .isVerified(true)
        .profilePicture("https://example.test/avatars/" + i + ".png")
        .build();
  }

  private static Member member(int i, SplittableRandom random) {
    return Member.builder(new UUID(0x3E3BE2L, i))
        .email("member" + i + "@example.test")
        .screenName("Member " + i)
        .firstName("First" + i)
        .lastName("Last" + i)
        .jobTitle(random.nextBoolean() ? "Engineer" : "Designer")
        .active(true)
        .build();
  }

  private static ActivityType[] of(ActivityType.Catalogue catalogue) {
    return Arrays.stream(ActivityType.values())
        .filter(t -> t.catalogue() == catalogue)
        .toArray(ActivityType[]::new);
  }
}
