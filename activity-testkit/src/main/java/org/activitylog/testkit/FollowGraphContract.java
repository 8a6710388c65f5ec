package org.activitylog.testkit;

import static org.activitylog.testkit.ConcurrentRounds.valuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityQuery;
import org.activitylog.api.ActivityType;
import org.activitylog.api.ActorRef;
import org.activitylog.api.PageRequest;
import org.activitylog.api.Sort;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.ActivityRepository;
import org.activitylog.spi.ActivityStore;
import org.activitylog.spi.FollowGraph;
import org.activitylog.spi.WriteGuard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link FollowGraph}, and of the {@code followedBy} filter that joins it with the
 * activities of the same {@link ActivityStore}. Subclass it and implement {@link
 * #createStore(MutableClock)}:
 *
 * <pre>{@code
 * class MyFollowGraphContractTest extends FollowGraphContract {
 *   protected ActivityStore createStore(MutableClock clock) {
 *     return MyStore.create(clock);
 *   }
 * }
 * }</pre>
 *
 * <p>Every actor a test uses is new and random, so the tests stay isolated on a shared database.
 */
public abstract class FollowGraphContract extends StoreContractSupport {
  private static final int THREADS = ConcurrentRounds.THREADS;

  /** Creates the contract; subclasses only add the store factory. */
  protected FollowGraphContract() {}

  private FollowGraph graph() {
    return store.follows();
  }

  private ActivityRepository activities() {
    return store.activities();
  }

  private ActorRef newActor() {
    return data.user().ref();
  }

  @Nested
  @DisplayName("Following and unfollowing")
  class FollowingAndUnfollowing {

    /** If this fails, check that {@code following} answers an empty set for an unknown actor. */
    @Test
    @DisplayName("An actor that never followed anyone follows nobody")
    void aNewActorFollowsNobody() {
      assertThat(graph().following(newActor())).as("following of a brand-new actor").isEmpty();
    }

    /** If this fails, check that {@code follow} stores the edge and answers true for a new one. */
    @Test
    @DisplayName("Following someone adds them to the follower's set and answers true")
    void followAddsTheFollowee() {
      ActorRef follower = newActor();
      ActorRef followee = newActor();

      boolean created = graph().follow(follower, followee);

      assertThat(created).as("follow(%s, %s) on a new edge", follower, followee).isTrue();
      assertThat(graph().following(follower)).containsExactly(followee);
    }

    /** If this fails, check that {@code following} returns every followee, not the first one. */
    @Test
    @DisplayName("An actor may follow many actors, users and members alike")
    void followsManyActorsOfBothKinds() {
      ActorRef follower = newActor();
      ActorRef user = newActor();
      ActorRef member = data.member().ref();
      ActorRef another = newActor();

      graph().follow(follower, user);
      graph().follow(follower, member);
      graph().follow(follower, another);

      assertThat(graph().following(follower)).containsExactlyInAnyOrder(user, member, another);
    }

    /** If this fails, check that {@code unfollow} deletes the edge and reports it. */
    @Test
    @DisplayName("Unfollowing removes the followee and answers true")
    void unfollowRemovesTheFollowee() {
      ActorRef follower = newActor();
      ActorRef kept = newActor();
      ActorRef dropped = newActor();
      graph().follow(follower, kept);
      graph().follow(follower, dropped);

      boolean removed = graph().unfollow(follower, dropped);

      assertThat(removed).as("unfollow(%s, %s) of an existing edge", follower, dropped).isTrue();
      assertThat(graph().following(follower)).containsExactly(kept);
    }

    /** If this fails, check that {@code unfollow} answers false when there was no edge. */
    @Test
    @DisplayName("Unfollowing someone not followed answers false and changes nothing")
    void unfollowOfAMissingEdgeAnswersFalse() {
      ActorRef follower = newActor();
      ActorRef followee = newActor();
      graph().follow(follower, followee);

      boolean removed = graph().unfollow(follower, newActor());

      assertThat(removed).as("unfollow of an edge that never existed").isFalse();
      assertThat(graph().following(follower)).containsExactly(followee);
    }

    /** If this fails, check that edges are stored per follower and not shared between actors. */
    @Test
    @DisplayName("Following is per follower: one actor's follows never show in another's")
    void followingIsPerFollower() {
      ActorRef alice = newActor();
      ActorRef bob = newActor();
      ActorRef carol = newActor();
      ActorRef dave = newActor();

      graph().follow(alice, carol);
      graph().follow(bob, dave);

      assertThat(graph().following(alice)).as("following of alice").containsExactly(carol);
      assertThat(graph().following(bob)).as("following of bob").containsExactly(dave);
    }

    /** If this fails, check that an edge is stored in one direction only. */
    @Test
    @DisplayName("Following is one-way: the followee does not follow back")
    void followingIsOneWay() {
      ActorRef follower = newActor();
      ActorRef followee = newActor();

      graph().follow(follower, followee);

      assertThat(graph().following(followee)).as("following of the followee").isEmpty();
    }

    /** If this fails, check that {@code following} returns an unmodifiable copy. */
    @Test
    @DisplayName("The set of followees handed out cannot be changed by the caller")
    void followingIsUnmodifiable() {
      ActorRef follower = newActor();
      graph().follow(follower, newActor());
      Set<ActorRef> followees = graph().following(follower);

      assertThatThrownBy(() -> followees.add(newActor()))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(graph().following(follower)).hasSize(1);
    }

    /**
     * If this fails, check that edges are stored and matched by kind and id at both ends, and that
     * the self-follow check compares kinds too: a user's number and a member's UUID may hold the
     * same value.
     */
    @Test
    @DisplayName(
        "A user and a member whose ids hold the same number are two actors: either may follow the"
            + " other, and their edges stay apart")
    void kindsStayApart() {
      UserSimple user = data.user();
      ActorRef u = user.ref();
      ActorRef twin = ActorRef.member(new UUID(0, user.id()));
      ActorRef fan = newActor();

      assertThat(graph().follow(u, twin)).as("follow(%s, %s)", u, twin).isTrue();
      assertThat(graph().follow(twin, u)).as("follow(%s, %s)", twin, u).isTrue();
      assertThat(graph().follow(fan, twin)).as("follow(%s, %s)", fan, twin).isTrue();

      assertThat(graph().following(u)).as("following of %s", u).containsExactly(twin);
      assertThat(graph().following(twin)).as("following of %s", twin).containsExactly(u);
      assertThat(graph().following(fan)).as("following of %s", fan).containsExactly(twin);
      assertThat(graph().removeActor(u)).as("edges removed with %s", u).isEqualTo(2);
      assertThat(graph().following(twin)).as("following of %s after", twin).isEmpty();
      assertThat(graph().following(fan)).as("following of %s after", fan).containsExactly(twin);
    }
  }

  @Nested
  @DisplayName("Idempotency")
  class Idempotency {

    /** If this fails, check that {@code follow} does not insert a duplicate edge. */
    @Test
    @DisplayName("Following twice keeps one edge and the second call answers false")
    void followingTwiceKeepsOneEdge() {
      ActorRef follower = newActor();
      ActorRef followee = newActor();

      boolean first = graph().follow(follower, followee);
      boolean second = graph().follow(follower, followee);

      assertThat(first).as("first follow").isTrue();
      assertThat(second).as("second follow of the same edge").isFalse();
      assertThat(graph().following(follower)).containsExactly(followee);
      assertThat(graph().unfollow(follower, followee)).isTrue();
      assertThat(graph().following(follower))
          .as("following after one unfollow of an edge followed twice")
          .isEmpty();
    }

    /** If this fails, check that unfollowing really deletes the edge rather than flagging it. */
    @Test
    @DisplayName("Following again after unfollowing creates the edge again")
    void followAfterUnfollowCreatesTheEdgeAgain() {
      ActorRef follower = newActor();
      ActorRef followee = newActor();
      graph().follow(follower, followee);
      graph().unfollow(follower, followee);

      boolean again = graph().follow(follower, followee);

      assertThat(again).as("follow after unfollow").isTrue();
      assertThat(graph().following(follower)).containsExactly(followee);
    }

    /** If this fails, check that {@code unfollow} answers false once the edge is gone. */
    @Test
    @DisplayName("Unfollowing twice answers true, then false")
    void unfollowingTwice() {
      ActorRef follower = newActor();
      ActorRef followee = newActor();
      graph().follow(follower, followee);

      assertThat(graph().unfollow(follower, followee)).as("first unfollow").isTrue();
      assertThat(graph().unfollow(follower, followee)).as("second unfollow").isFalse();
    }
  }

  @Nested
  @DisplayName("Following oneself")
  class SelfFollow {

    /** If this fails, check that {@code follow} compares follower and followee before storing. */
    @Test
    @DisplayName("An actor cannot follow itself: a validation error names followee")
    void selfFollowIsRejected() {
      ActorRef actor = newActor();

      assertThatThrownBy(() -> graph().follow(actor, actor))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.field()).as("field of %s", e.getMessage()).isEqualTo("followee"));
      assertThat(graph().following(actor)).as("following after a rejected self-follow").isEmpty();
    }

    /** If this fails, check that actors are compared by value, not by identity. */
    @Test
    @DisplayName("A member cannot follow itself either, even through an equal reference")
    void selfFollowOfAnEqualReferenceIsRejected() {
      ActorRef member = data.member().ref();
      ActorRef same = ActorRef.parse(member.toString());

      assertThatThrownBy(() -> graph().follow(member, same))
          .isInstanceOf(ValidationException.class);
      assertThat(graph().following(member)).isEmpty();
    }
  }

  @Nested
  @DisplayName("Removing an actor")
  class RemovingAnActor {

    /** If this fails, check that {@code removeActor} deletes the actor's outgoing edges. */
    @Test
    @DisplayName("Removing an actor deletes every edge from it")
    void removesOutgoingEdges() {
      ActorRef actor = newActor();
      graph().follow(actor, newActor());
      graph().follow(actor, newActor());

      long removed = graph().removeActor(actor);

      assertThat(removed).as("edges removed").isEqualTo(2);
      assertThat(graph().following(actor)).as("following of the removed actor").isEmpty();
    }

    /** If this fails, check that {@code removeActor} also deletes the edges of its followers. */
    @Test
    @DisplayName("Removing an actor deletes every edge to it, and its followers keep the rest")
    void removesIncomingEdges() {
      ActorRef actor = newActor();
      ActorRef fan = newActor();
      ActorRef other = newActor();
      graph().follow(fan, actor);
      graph().follow(fan, other);

      long removed = graph().removeActor(actor);

      assertThat(removed).as("edges removed").isEqualTo(1);
      assertThat(graph().following(fan)).as("following of a follower").containsExactly(other);
    }

    /** If this fails, check that the count adds both directions. */
    @Test
    @DisplayName("Removing an actor counts the edges of both directions")
    void countsBothDirections() {
      ActorRef actor = newActor();
      ActorRef friend = newActor();
      graph().follow(actor, friend);
      graph().follow(friend, actor);
      graph().follow(newActor(), actor);
      graph().follow(actor, newActor());

      long removed = graph().removeActor(actor);

      assertThat(removed).as("edges removed for 2 outgoing and 2 incoming").isEqualTo(4);
      assertThat(graph().following(actor)).isEmpty();
      assertThat(graph().following(friend)).isEmpty();
    }

    /** If this fails, check that {@code removeActor} matches the actor exactly. */
    @Test
    @DisplayName("Removing an actor leaves the edges between other actors alone")
    void leavesOtherEdges() {
      ActorRef actor = newActor();
      ActorRef alice = newActor();
      ActorRef bob = newActor();
      graph().follow(alice, bob);
      graph().follow(actor, bob);

      graph().removeActor(actor);

      assertThat(graph().following(alice)).as("following of an unrelated actor").contains(bob);
    }

    /** If this fails, check that {@code removeActor} answers 0 when there is nothing to remove. */
    @Test
    @DisplayName("Removing an actor without edges removes nothing and answers 0")
    void removingAnActorWithoutEdges() {
      assertThat(graph().removeActor(newActor())).isZero();
    }
  }

  @Nested
  @DisplayName("The followedBy filter")
  class FollowedByFilter {

    private Activity recordBy(UserSimple actor, ActivityType type) {
      return activities().insert(data.activity(type, actor).build());
    }

    /**
     * If this fails, check that the repository reads the follow graph of the same store for {@code
     * followedBy}, and keeps only activities whose actor is a followee.
     */
    @Test
    @DisplayName("followedBy returns the activities of the followed actors only")
    void onlyActivitiesOfFollowedActors() {
      UserSimple follower = data.user();
      UserSimple followed = data.user();
      UserSimple stranger = data.user();
      Activity wanted = recordBy(followed, ActivityType.USER_LOGIN);
      recordBy(stranger, ActivityType.USER_LOGIN);
      recordBy(follower, ActivityType.USER_LOGIN);
      graph().follow(follower.ref(), followed.ref());

      ActivityQuery query = data.query().followedBy(follower.ref()).build();

      assertThat(activities().list(query, PageRequest.DEFAULT, Sort.DEFAULT).items())
          .as("activities of the actors %s follows", follower.ref())
          .extracting(Activity::id)
          .containsExactly(wanted.id());
      assertThat(activities().count(query)).as("count").isEqualTo(1);
      assertThat(activities().listAfter(query, Sort.DEFAULT, null, 10))
          .as("listAfter")
          .extracting(Activity::id)
          .containsExactly(wanted.id());
    }

    /** If this fails, check that {@code followedBy} is not ignored when the follow set is empty. */
    @Test
    @DisplayName("followedBy matches nothing when the actor follows nobody")
    void emptyWhenFollowingNobody() {
      recordBy(data.user(), ActivityType.USER_LOGIN);
      ActivityQuery query = data.query().followedBy(newActor()).build();

      var page = activities().list(query, PageRequest.DEFAULT, Sort.DEFAULT);

      assertThat(page.items()).as("activities listed for a follower of nobody").isEmpty();
      assertThat(page.total()).as("total").isZero();
      assertThat(activities().count(query)).as("count").isZero();
    }

    /** If this fails, check that {@code followedBy} is combined with the other filters by AND. */
    @Test
    @DisplayName("followedBy combines with the other filters by AND")
    void combinesWithOtherFiltersByAnd() {
      UserSimple follower = data.user();
      UserSimple followed = data.user();
      UserSimple alsoFollowed = data.user();
      Activity wanted = recordBy(followed, ActivityType.POST_IDEA);
      recordBy(followed, ActivityType.USER_LOGIN);
      recordBy(alsoFollowed, ActivityType.USER_LOGIN);
      activities()
          .insert(
              data.activity(ActivityType.POST_IDEA, followed)
                  .workspaceGroupId(data.newWorkspaceGroupId())
                  .build());
      graph().follow(follower.ref(), followed.ref());
      graph().follow(follower.ref(), alsoFollowed.ref());

      ActivityQuery query =
          ActivityQuery.builder()
              .workspaceGroupId(data.workspaceGroupId())
              .type(ActivityType.POST_IDEA)
              .followedBy(follower.ref())
              .build();

      assertThat(activities().list(query, PageRequest.DEFAULT, Sort.DEFAULT).items())
          .as("POST_IDEA activities of followees in workspace %s", data.workspaceGroupId())
          .extracting(Activity::id)
          .containsExactly(wanted.id());
      assertThat(activities().count(query)).isEqualTo(1);
    }

    /** If this fails, check that the follow graph is read at query time, not cached. */
    @Test
    @DisplayName("An unfollow takes effect on the next query")
    void unfollowTakesEffectAtOnce() {
      UserSimple follower = data.user();
      UserSimple followed = data.user();
      recordBy(followed, ActivityType.USER_LOGIN);
      graph().follow(follower.ref(), followed.ref());
      ActivityQuery query = data.query().followedBy(follower.ref()).build();
      assertThat(activities().count(query)).as("count while following").isEqualTo(1);

      graph().unfollow(follower.ref(), followed.ref());

      assertThat(activities().count(query)).as("count after unfollowing").isZero();
    }

    /** If this fails, check that actors are matched on kind and id, members included. */
    @Test
    @DisplayName("followedBy finds the activities of a followed member")
    void worksForMembers() {
      var member = data.member();
      Activity wanted = activities().insert(data.activity(ActivityType.POST_IDEA, member).build());
      recordBy(data.user(), ActivityType.POST_IDEA);
      ActorRef follower = data.member().ref();
      graph().follow(follower, member.ref());

      ActivityQuery query = data.query().followedBy(follower).build();

      assertThat(activities().list(query, PageRequest.DEFAULT, Sort.DEFAULT).items())
          .extracting(Activity::id)
          .containsExactly(wanted.id());
    }

    /** If this fails, check that soft-deleted rows stay excluded when followedBy is set. */
    @Test
    @DisplayName("followedBy still leaves out soft-deleted activities by default")
    void excludesSoftDeleted() {
      UserSimple follower = data.user();
      UserSimple followed = data.user();
      Activity kept = recordBy(followed, ActivityType.USER_LOGIN);
      Activity deleted = recordBy(followed, ActivityType.USER_LOGOUT);
      activities().softDelete(deleted.id(), WriteGuard.TRUSTED, "testkit");
      graph().follow(follower.ref(), followed.ref());

      ActivityQuery query = data.query().followedBy(follower.ref()).build();

      assertThat(activities().list(query, PageRequest.DEFAULT, Sort.DEFAULT).items())
          .extracting(Activity::id)
          .containsExactly(kept.id());
    }

    /** If this fails, check that the follow set of one follower does not leak into another's. */
    @Test
    @DisplayName("followedBy uses the follows of the named actor only")
    void usesTheNamedFollowerOnly() {
      UserSimple alice = data.user();
      UserSimple bob = data.user();
      UserSimple followedByAlice = data.user();
      UserSimple followedByBob = data.user();
      Activity aliceSees = recordBy(followedByAlice, ActivityType.USER_LOGIN);
      Activity bobSees = recordBy(followedByBob, ActivityType.USER_LOGIN);
      graph().follow(alice.ref(), followedByAlice.ref());
      graph().follow(bob.ref(), followedByBob.ref());

      assertThat(
              activities()
                  .list(
                      data.query().followedBy(alice.ref()).build(),
                      PageRequest.DEFAULT,
                      Sort.DEFAULT)
                  .items())
          .as("alice's feed")
          .extracting(Activity::id)
          .containsExactly(aliceSees.id());
      assertThat(
              activities()
                  .list(
                      data.query().followedBy(bob.ref()).build(), PageRequest.DEFAULT, Sort.DEFAULT)
                  .items())
          .as("bob's feed")
          .extracting(Activity::id)
          .containsExactly(bobSees.id());
    }
  }

  @Nested
  @DisplayName("Concurrency")
  class Concurrency {

    /** How many calls each thread makes in a round of the tests that repeat a call. */
    private static final int BURST = 8;

    /**
     * If this fails, check that {@code follow} is atomic and answers from its own insert (its
     * update count, or ON CONFLICT), not from a look-up made before it: two threads following the
     * same edge must not both store it or both report it as new.
     */
    @Test
    @DisplayName(
        "Many threads following the same edges store each edge once and report it new once")
    void concurrentFollowsOfTheSameEdges() throws Exception {
      List<ActorRef> followers = new ArrayList<>();
      List<List<ActorRef>> followees = new ArrayList<>();

      // Every thread follows the same actors in the same order: a thread that falls behind finds
      // the edges stored, which is quicker, and catches up.
      ConcurrentRounds.run(
          60,
          round -> {
            followers.add(newActor());
            followees.add(
                Stream.generate(FollowGraphContract.this::newActor).limit(BURST).toList());
          },
          (thread, round) -> {
            int reportedNew = 0;
            for (ActorRef followee : followees.get(round)) {
              if (graph().follow(followers.get(round), followee)) {
                reportedNew++;
              }
            }
            return reportedNew;
          },
          (round, outcomes) -> {
            assertThat(graph().following(followers.get(round)))
                .as("following after %s threads followed the same %s actors", THREADS, BURST)
                .containsExactlyInAnyOrderElementsOf(followees.get(round));
            assertThat(valuesOf(outcomes).stream().mapToInt(Integer::intValue).sum())
                .as(
                    "follow calls that answered true for %s distinct edges, by thread %s",
                    BURST, valuesOf(outcomes))
                .isEqualTo(BURST);
          });
    }

    /**
     * If this fails, check that concurrent follows and unfollows of one follower do not lose or
     * resurrect each other's edges: each must change one edge, not write back the whole set it
     * read.
     */
    @Test
    @DisplayName("Threads following and unfollowing for one follower leave exactly the last state")
    void concurrentFollowAndUnfollow() throws Exception {
      List<ActorRef> followers = new ArrayList<>();
      List<List<List<ActorRef>>> owned = new ArrayList<>();

      // Each thread follows actors of its own, then unfollows half of them, all for one follower.
      ConcurrentRounds.run(
          60,
          round -> {
            followers.add(newActor());
            List<List<ActorRef>> ofRound = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
              ofRound.add(
                  Stream.generate(FollowGraphContract.this::newActor).limit(BURST).toList());
            }
            owned.add(ofRound);
          },
          (thread, round) -> {
            ActorRef follower = followers.get(round);
            List<ActorRef> mine = owned.get(round).get(thread);
            List<String> wrong = new ArrayList<>();
            for (ActorRef followee : mine) {
              if (!graph().follow(follower, followee)) {
                wrong.add("follow of a new edge to " + followee + " answered false");
              }
            }
            for (ActorRef followee : mine.subList(0, BURST / 2)) {
              if (!graph().unfollow(follower, followee)) {
                wrong.add("unfollow of a followed " + followee + " answered false");
              }
            }
            return wrong;
          },
          (round, outcomes) -> {
            Set<ActorRef> expected = new HashSet<>();
            for (List<ActorRef> mine : owned.get(round)) {
              expected.addAll(mine.subList(BURST / 2, BURST));
            }
            assertThat(graph().following(followers.get(round)))
                .as("following after round %d of concurrent follows and unfollows", round)
                .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(valuesOf(outcomes).stream().flatMap(List::stream).toList())
                .as("answers of follows and unfollows of one thread's own edges")
                .isEmpty();
          });
    }

    /**
     * If this fails, check that {@code removeActor} and {@code follow} of other actors do not
     * interfere: removing one actor must never drop or bring back edges between the others.
     */
    @Test
    @DisplayName("Removing actors while others follow leaves the others' edges intact")
    void removeActorWhileOthersFollow() throws Exception {
      int perThread = 3;
      List<ActorRef> stars = new ArrayList<>();
      List<List<ActorRef>> doomed = new ArrayList<>();
      List<List<ActorRef>> fans = new ArrayList<>();
      List<List<ActorRef>> followedByStar = new ArrayList<>();
      int each = THREADS * perThread;

      // Thread t removes the actors t, t + THREADS, ... which follow the star and which the star
      // follows, while every thread makes new actors follow the star and the star follow others.
      ConcurrentRounds.run(
          60,
          round -> {
            ActorRef star = newActor();
            List<ActorRef> removed =
                Stream.generate(FollowGraphContract.this::newActor).limit(each).toList();
            for (ActorRef actor : removed) {
              graph().follow(actor, star);
              graph().follow(star, actor);
            }
            stars.add(star);
            doomed.add(removed);
            fans.add(Stream.generate(FollowGraphContract.this::newActor).limit(each).toList());
            followedByStar.add(
                Stream.generate(FollowGraphContract.this::newActor).limit(each).toList());
          },
          (thread, round) -> {
            ActorRef star = stars.get(round);
            List<Long> counts = new ArrayList<>();
            for (int k = thread; k < each; k += THREADS) {
              graph().follow(fans.get(round).get(k), star);
              counts.add(graph().removeActor(doomed.get(round).get(k)));
              graph().follow(star, followedByStar.get(round).get(k));
            }
            return counts;
          },
          (round, outcomes) -> {
            ActorRef star = stars.get(round);
            assertThat(valuesOf(outcomes).stream().flatMap(List::stream).toList())
                .as("edges each removal counted for an actor following and followed by the star")
                .containsOnly(2L);
            for (ActorRef fan : fans.get(round)) {
              assertThat(graph().following(fan))
                  .as("following of %s after concurrent removals", fan)
                  .containsExactly(star);
            }
            for (ActorRef removed : doomed.get(round)) {
              assertThat(graph().following(removed))
                  .as("following of removed %s", removed)
                  .isEmpty();
            }
            assertThat(graph().following(star))
                .as("following of the star after its followees were removed and others followed")
                .containsExactlyInAnyOrderElementsOf(followedByStar.get(round));
          });
    }

    /**
     * If this fails, check that two store instances on one storage read and write the same edges.
     * Runs only when the backend offers a second store ({@link #createSecondStore}).
     */
    @Test
    @DisplayName("Two stores on one storage see each other's follows at once")
    void twoStoresShareFollows() {
      ActorRef follower = newActor();
      ActorRef followee = newActor();
      ActivityStore second = secondStore();

      store.follows().follow(follower, followee);

      assertThat(second.follows().following(follower))
          .as("following read through the second store")
          .containsExactly(followee);
      assertThat(second.follows().follow(follower, followee))
          .as("the second store's follow of an edge the first stored")
          .isFalse();
      assertThat(second.follows().unfollow(follower, followee)).isTrue();
      assertThat(store.follows().following(follower)).isEmpty();
    }
  }
}
