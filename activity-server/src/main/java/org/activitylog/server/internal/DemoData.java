package org.activitylog.server.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.core.ActivityLog;
import org.activitylog.core.Requester;
import org.activitylog.formats.BrightideaDetails;
import org.activitylog.formats.BrightideaFormat;
import org.activitylog.formats.Comment;
import org.activitylog.formats.SeedExamples;

/**
 * The demo data set the server creates on first start, when the store is empty.
 *
 * <ul>
 *   <li>The seeds' own examples, in the demo workspace group (1): first an AISquare login of {@code
 *       johndoe}, so that it gets id 1 and the seed's {@code PUT /api/v1/activity/1/} example
 *       works; then Brightidea's GET example and the two {@code POST_UPDATE}s of its LIST example,
 *       read from the seed's JSON files that {@link SeedExamples} ships, in the server's zone.
 *   <li>{@value #GENERATED} generated activities across the seeds' types, three workspace groups,
 *       five Brightidea members and three AISquare users, dated before the seeds' day (18 April
 *       2013). Exactly three of them are {@code POST_UPDATE}s the demo user can see, so that the
 *       seed's {@code ?page_size=2&page=1&type=POST_UPDATE} answers its example, {@code total} "5"
 *       and {@code page_count} 3 included.
 *   <li>Follow edges: the demo user follows Lillian Smith, John Doe and {@code johndoe}.
 * </ul>
 *
 * <p>The data is the same on every start: generated from a fixed seed, with name-based uids.
 */
public final class DemoData {
  /** The demo workspace group, which holds the seeds' examples. */
  public static final long DEMO_GROUP = 1;

  /** A second workspace group the demo user may read and write. */
  public static final long TEAM_GROUP = 2;

  /** Another tenant's workspace group, which the demo user never sees. */
  public static final long OTHER_GROUP = 3;

  /** How many activities are generated besides the seeds' examples. */
  public static final int GENERATED = 300;

  private static final Instant FROM = Instant.parse("2013-01-01T00:00:00Z");
  private static final Instant SEED_DAY = Instant.parse("2013-04-18T00:00:00Z");
  private static final List<ActivityType> AISQUARE_TYPES =
      Arrays.stream(ActivityType.values())
          .filter(t -> t.catalogue() == ActivityType.Catalogue.AISQUARE)
          .toList();
  private static final List<ActivityType> BRIGHTIDEA_TYPES =
      Arrays.stream(ActivityType.values())
          .filter(t -> t.catalogue() == ActivityType.Catalogue.BRIGHTIDEA)
          .filter(t -> t != ActivityType.POST_UPDATE)
          .toList();
  private static final List<String> TOPICS =
      List.of(
          "a four-day week pilot",
          "solar panels on the car park",
          "a mentoring scheme for new starters",
          "quieter meeting rooms",
          "recycling at every desk",
          "an internal podcast",
          "self-service expense reports",
          "a shared tool library");

  private DemoData() {}

  /**
   * What was created.
   *
   * @param activities how many activities were recorded
   * @param aisquareId the id of the AISquare login that the seed's PUT example updates
   */
  public record Summary(int activities, long aisquareId) {}

  /**
   * {@return the demo user: Max Power, the member of the seed's GET example, who may read and write
   * the demo and team workspace groups}
   */
  public static Requester requester() {
    return Requester.user(
        ((Member) SeedExamples.brightideaPostIdea(DEMO_GROUP).content().actor()).ref(),
        "demo",
        Set.of(DEMO_GROUP, TEAM_GROUP),
        Set.of(DEMO_GROUP, TEAM_GROUP));
  }

  /**
   * Creates the data set, unless the store holds any activity (soft-deleted ones included).
   *
   * @param log the log to record into
   * @param zone the zone the seeds' zone-less Brightidea times are read in
   * @return what was created, or empty when the store was not empty
   */
  public static Optional<Summary> createIfEmpty(ActivityLog log, ZoneId zone) {
    Requester system = Requester.system("demo-data");
    ActivityQuery everything =
        ActivityQuery.builder().deleted(ActivityQuery.DeletedFilter.INCLUDE).build();
    if (log.count(system, everything) > 0) {
      return Optional.empty();
    }
    BrightideaFormat seeds = BrightideaFormat.json(zone);
    NewActivity postIdea = seeds.readActivity(SeedExamples.brightideaGetActivity(), DEMO_GROUP);
    List<NewActivity> updates = seeds.readList(SeedExamples.brightideaListActivity(), DEMO_GROUP);

    Member maxPower = (Member) postIdea.content().actor();
    Member lillianSmith = (Member) updates.get(0).content().actor();
    Member johnDoe =
        Objects.requireNonNull(
            BrightideaDetails.of(updates.get(0).content().extensions()).comments().get(0).member());
    List<Member> members =
        List.of(
            maxPower,
            lillianSmith,
            johnDoe,
            member("Ada", "Lovelace", "Analyst"),
            member("Grace", "Hopper", "Engineer"));
    UserSimple johndoe =
        UserSimple.builder(1, "johndoe", "johndoe@example.com")
            .fullName("John Doe")
            .isSuperuser(false)
            .isStaff(false)
            .isActive(true)
            .isVerified(true)
            .build();
    List<UserSimple> users =
        List.of(
            johndoe,
            UserSimple.of(2, "janedoe", "janedoe@example.com"),
            UserSimple.of(3, "alex.k", "alex.k@example.com"));

    List<NewActivity> all = new ArrayList<>();
    all.add(
        NewActivity.builder(ActivityType.USER_LOGIN, johndoe)
            .uid(uid("aisquare-login"))
            .createdAt(Instant.parse("2013-04-18T09:00:00Z"))
            .createdBy("johndoe")
            .workspaceGroupId(DEMO_GROUP)
            .derivedWorkspaceGroupId(DEMO_GROUP)
            .text("User logged in from IP 192.168.1.10")
            .resource(inOrder("ip", "192.168.1.10", "client", inOrder("agent", "Mozilla/5.0")))
            .build());
    all.add(postIdea);
    all.addAll(updates);
    Campaign sampleCampaign = Objects.requireNonNull(postIdea.content().campaign());
    all.addAll(generated(new Random(20130418L), members, users, sampleCampaign));

    List<Activity> stored = log.recordAll(system, all);
    follow(log, requester(), lillianSmith.ref(), johnDoe.ref(), johndoe.ref());
    follow(log, follower(johnDoe.ref()), maxPower.ref());
    follow(log, follower(lillianSmith.ref()), maxPower.ref(), johnDoe.ref());
    return Optional.of(new Summary(stored.size(), stored.get(0).id()));
  }

  private static List<NewActivity> generated(
      Random random, List<Member> members, List<UserSimple> users, Campaign sampleCampaign) {
    List<NewActivity> out = new ArrayList<>();
    for (int i = 0; i < GENERATED; i++) {
      long group = pickGroup(random);
      Instant at = randomTime(random);
      if (i < 3) {
        // The three POST_UPDATEs the demo user sees besides the seed's two; older than both.
        out.add(update(i, i < 2 ? DEMO_GROUP : TEAM_GROUP, members.get(i + 1), at));
      } else if (i < 8) {
        out.add(update(i, OTHER_GROUP, members.get(i % members.size()), at));
      } else if (random.nextInt(5) < 2) {
        UserSimple user = users.get(random.nextInt(users.size()));
        out.add(
            aisquare(
                i,
                group,
                user,
                AISQUARE_TYPES.get(random.nextInt(AISQUARE_TYPES.size())),
                at,
                random));
      } else {
        Member member = members.get(random.nextInt(members.size()));
        ActivityType type = BRIGHTIDEA_TYPES.get(random.nextInt(BRIGHTIDEA_TYPES.size()));
        out.add(brightidea(i, group, member, type, at, random, sampleCampaign));
      }
    }
    out.sort(Comparator.comparing(a -> Objects.requireNonNull(a.createdAt())));
    return out;
  }

  private static NewActivity update(int i, long group, Member member, Instant at) {
    String updateId = uid("update-" + i).toString().toUpperCase(Locale.ROOT);
    return NewActivity.builder(ActivityType.POST_UPDATE, member)
        .uid(uid("activity-" + i))
        .createdAt(at)
        .workspaceGroupId(group)
        .text("Weekly update #" + (i + 1) + " from " + member.screenName())
        .extensions(BrightideaDetails.builder().updateId(updateId).build().toExtensions())
        .build();
  }

  private static NewActivity aisquare(
      int i, long group, UserSimple user, ActivityType type, Instant at, Random random) {
    return NewActivity.builder(type, user)
        .uid(uid("activity-" + i))
        .createdAt(at)
        .createdBy(user.username())
        .workspaceGroupId(group)
        .derivedWorkspaceGroupId(group)
        .text(type.label() + " by " + user.username())
        .resource(
            inOrder(
                "kind",
                type.label().split(" ", -1)[0].toLowerCase(Locale.ROOT),
                "id",
                1 + random.nextInt(500)))
        .build();
  }

  private static NewActivity brightidea(
      int i,
      long group,
      Member member,
      ActivityType type,
      Instant at,
      Random random,
      Campaign sampleCampaign) {
    String topic = TOPICS.get(random.nextInt(TOPICS.size()));
    NewActivity.Builder b =
        NewActivity.builder(type, member)
            .uid(uid("activity-" + i))
            .createdAt(at)
            .workspaceGroupId(group);
    switch (type) {
      case POST_IDEA, PROMOTE_IDEA, DEMOTE_IDEA, MY_IDEAS_STATUS_UPDATED -> {
        int campaign = random.nextInt(3);
        b.campaign(
            campaign == 0
                ? sampleCampaign
                : new Campaign(uid("campaign-" + campaign), "Campaign " + (campaign + 1)));
        b.extensions(
            BrightideaDetails.builder()
                .ideaId(uid("idea-" + topic).toString().toUpperCase(Locale.ROOT))
                .ideaTitle("Idea: " + topic)
                .categoryName("Category " + (1 + random.nextInt(4)))
                .anonymous(random.nextInt(10) == 0)
                .teamSubmission(random.nextBoolean())
                .build()
                .toExtensions());
      }
      case POST_COMMENT, POST_BLOG_COMMENT ->
          b.text("Comment on " + topic)
              .extensions(
                  BrightideaDetails.builder()
                      .comments(
                          List.of(
                              new Comment(
                                  uid("comment-" + i).toString().toUpperCase(Locale.ROOT),
                                  "I like " + topic,
                                  at,
                                  null,
                                  member)))
                      .build()
                      .toExtensions());
      case POST_BLOG -> b.text("Blog post about " + topic);
      case POST_ON_WALL -> b.text("Has anyone tried " + topic + "?");
      default -> b.text(type.label());
    }
    return b.build();
  }

  private static long pickGroup(Random random) {
    int n = random.nextInt(4);
    return n < 2 ? DEMO_GROUP : n == 2 ? TEAM_GROUP : OTHER_GROUP;
  }

  private static Instant randomTime(Random random) {
    long span = SEED_DAY.toEpochMilli() - FROM.toEpochMilli();
    return FROM.plusMillis((long) (random.nextDouble() * span)).truncatedTo(ChronoUnit.MILLIS);
  }

  private static Member member(String first, String last, String job) {
    return Member.builder(uid("member-" + first + last))
        .email((first + "." + last + "@example.com").toLowerCase(Locale.ROOT))
        .screenName(first + " " + last)
        .firstName(first)
        .lastName(last)
        .jobTitle(job)
        .dateCreated(Instant.parse("2013-01-02T09:00:00Z"))
        .active(true)
        .build();
  }

  private static Requester follower(ActorRef actor) {
    return Requester.user(actor, "demo-data", Set.of(), Set.of());
  }

  private static void follow(ActivityLog log, Requester follower, ActorRef... followees) {
    for (ActorRef followee : followees) {
      log.follow(follower, followee);
    }
  }

  private static UUID uid(String name) {
    return UUID.nameUUIDFromBytes(("activitylog-demo-" + name).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A map that keeps its keys in the order given: {@code Map.of} iterates in an order that changes
   * from one JVM run to the next, and the demo's bodies should read the same every run.
   */
  private static Map<String, Object> inOrder(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
