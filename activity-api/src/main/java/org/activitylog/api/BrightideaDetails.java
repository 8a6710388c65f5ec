package org.activitylog.api;

import java.util.List;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The type-specific fields of a Brightidea activity. Each type fills the ones it has: {@code
 * POST_IDEA} the idea's fields, {@code POST_UPDATE} the update's; the rest stay absent or empty.
 *
 * @param ideaId the idea's id
 * @param ideaTitle the idea's title
 * @param categoryName the idea's category
 * @param anonymous whether the idea was posted anonymously
 * @param teamSubmission whether the idea is a team submission
 * @param updateId the update's id
 * @param hifives the hi-fives on the update, in order
 * @param comments the comments on the update, in order
 * @param attachment the file attached to the update
 */
public record BrightideaDetails(
    @Nullable String ideaId,
    @Nullable String ideaTitle,
    @Nullable String categoryName,
    @Nullable Boolean anonymous,
    @Nullable Boolean teamSubmission,
    @Nullable String updateId,
    List<HiFive> hifives,
    List<Comment> comments,
    @Nullable Attachment attachment) {

  /** No type-specific fields: what AISquare activities carry. */
  public static final BrightideaDetails NONE =
      new BrightideaDetails(null, null, null, null, null, null, List.of(), List.of(), null);

  /**
   * Copies the lists and checks text lengths.
   *
   * @param ideaId the idea's id
   * @param ideaTitle the idea's title
   * @param categoryName the idea's category
   * @param anonymous whether the idea was posted anonymously
   * @param teamSubmission whether the idea is a team submission
   * @param updateId the update's id
   * @param hifives the hi-fives on the update, in order
   * @param comments the comments on the update, in order
   * @param attachment the file attached to the update
   */
  public BrightideaDetails {
    Checks.text("idea_id", ideaId);
    Checks.text("update_id", updateId);
    Checks.maxLength("idea_title", ideaTitle, Activity.MAX_TEXT);
    Checks.maxLength("category_name", categoryName, 2_000);
    hifives = hifives == null ? List.of() : List.copyOf(hifives);
    comments = comments == null ? List.of() : List.copyOf(comments);
  }

  /** {@return whether no field is set} */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
