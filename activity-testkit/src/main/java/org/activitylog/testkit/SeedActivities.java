package org.activitylog.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.formats.BrightideaDetails;
import org.activitylog.formats.SeedExamples;

/**
 * The example activities of both seed API documents, every field filled as the examples show them.
 *
 * <p>They are not written out here: each is read from the seed's own example payload, which
 * activity-formats ships once and the kit depends on. {@link SeedExamples} gives those payloads as
 * text, so a backend that stores an activity wrongly can be compared with what the seed shows:
 * {@link SeedExamples#brightideaGetActivity()} for {@link #brightideaPostIdea}, {@link
 * SeedExamples#brightideaListActivity()} for the two updates, {@link
 * SeedExamples#aisquarePutRequest()} for the user and text of {@link #aisquareLogin}. Brightidea's
 * times carry no zone; they are read as UTC here.
 */
public final class SeedActivities {
  private static final long ANY_GROUP = 1;

  private SeedActivities() {}

  /** {@return Max Power, as the GET example embeds him} */
  public static Member maxPower() {
    return (Member) brightideaPostIdea(ANY_GROUP).content().actor();
  }

  /** {@return John Doe, who comments in the LIST example} */
  public static Member johnDoe() {
    return Objects.requireNonNull(
        BrightideaDetails.of(brightideaUpdateWithHifiveAndComment(ANY_GROUP).content().extensions())
            .comments()
            .get(0)
            .member());
  }

  /** {@return Lillian Smith, who posts both updates of the LIST example} */
  public static Member lillianSmith() {
    return (Member) brightideaUpdateWithHifiveAndComment(ANY_GROUP).content().actor();
  }

  /**
   * {@return the GET example: a {@code POST_IDEA} with its campaign and idea fields}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity brightideaPostIdea(long workspace) {
    return SeedExamples.brightideaPostIdea(workspace);
  }

  /**
   * {@return the LIST example's first item: a {@code POST_UPDATE} with a hi-five and a comment}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity brightideaUpdateWithHifiveAndComment(long workspace) {
    return SeedExamples.brightideaUpdates(workspace).get(0);
  }

  /**
   * {@return the LIST example's second item: a {@code POST_UPDATE} with an image attachment}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity brightideaUpdateWithAttachment(long workspace) {
    return SeedExamples.brightideaUpdates(workspace).get(1);
  }

  /** {@return John Doe of the AISquare PUT example, with every {@code UserSimple} field set} */
  public static UserSimple johndoe() {
    return (UserSimple) aisquareLogin(ANY_GROUP).content().actor();
  }

  /**
   * {@return an AISquare login as the PUT example describes it, with a JSON resource and a derived
   * workspace group}
   *
   * @param workspace the workspace group to record it in
   */
  public static NewActivity aisquareLogin(long workspace) {
    return SeedExamples.aisquareLogin(workspace);
  }

  /**
   * {@return every seed activity, each with a uid of its own so that tests sharing a database do
   * not collide on the seeds' fixed ids}
   *
   * @param workspace the workspace group to record them in
   */
  public static List<NewActivity> all(long workspace) {
    List<NewActivity> seeds = new ArrayList<>();
    seeds.add(brightideaPostIdea(workspace));
    seeds.addAll(SeedExamples.brightideaUpdates(workspace));
    seeds.add(aisquareLogin(workspace));
    return seeds.stream().map(a -> a.withUid(UUID.randomUUID())).toList();
  }
}
