package org.activitylog.formats;

import java.util.List;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.JsonValue;
import org.activitylog.api.ValidationException;
import org.activitylog.formats.internal.BrightideaFields;
import org.activitylog.formats.internal.FieldChecks;
import org.jspecify.annotations.Nullable;

/**
 * The type-specific fields of a Brightidea activity: the Brightidea format's typed view over an
 * activity's {@linkplain ActivityContent#extensions() extension slot}. Each type fills the ones it
 * has: {@code POST_IDEA} the idea's fields, {@code POST_UPDATE} the update's; the rest stay absent
 * or empty.
 *
 * <p>In the slot the fields are members named as the seed names them ({@code idea_id}, {@code
 * idea_title}, {@code category_name}, {@code anonymous}, {@code team_submission}, {@code
 * update_id}, {@code hifives}, {@code comments}, {@code attachment}), in that order; an absent
 * field and an empty list are left out, and times and member objects are in {@code
 * ModelCodec.standard()}'s shape, as the JDBC backend stored them before the slot existed.
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
  public static final BrightideaDetails NONE = builder().build();

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
    FieldChecks.text("idea_id", ideaId);
    FieldChecks.text("update_id", updateId);
    FieldChecks.maxLength("idea_title", ideaTitle, Activity.MAX_TEXT);
    FieldChecks.maxLength("category_name", categoryName, 2_000);
    hifives = hifives == null ? List.of() : List.copyOf(hifives);
    comments = comments == null ? List.of() : List.copyOf(comments);
  }

  /**
   * Reads the fields from an extension slot written by {@link #toExtensions()}. Other members are
   * not Brightidea's and are passed over; a member of another kind than written reads as absent.
   *
   * @param extensions the slot
   * @return the fields; {@link #NONE} when the slot holds none of them
   * @throws ValidationException when a field breaks a rule of these records
   * @throws IllegalStateException when a member object in the slot has no {@code id}
   */
  public static BrightideaDetails of(Map<String, JsonValue> extensions) {
    return BrightideaFields.read(extensions);
  }

  /**
   * {@return the fields as extension slot members, in the order {@link #of} documents; empty for
   * {@link #NONE}}
   */
  public Map<String, JsonValue> toExtensions() {
    return BrightideaFields.write(this);
  }

  /**
   * Starts building type-specific fields; every field starts absent and the lists empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these fields, to change some of them} */
  public Builder toBuilder() {
    return builder()
        .ideaId(ideaId)
        .ideaTitle(ideaTitle)
        .categoryName(categoryName)
        .anonymous(anonymous)
        .teamSubmission(teamSubmission)
        .updateId(updateId)
        .hifives(hifives)
        .comments(comments)
        .attachment(attachment);
  }

  /** {@return whether no field is set} */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Collects the fields of a {@link BrightideaDetails}; every setter is optional. */
  public static final class Builder {
    private @Nullable String ideaId;
    private @Nullable String ideaTitle;
    private @Nullable String categoryName;
    private @Nullable Boolean anonymous;
    private @Nullable Boolean teamSubmission;
    private @Nullable String updateId;
    private List<HiFive> hifives = List.of();
    private List<Comment> comments = List.of();
    private @Nullable Attachment attachment;

    private Builder() {}

    /**
     * Sets the idea's id.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder ideaId(@Nullable String value) {
      this.ideaId = value;
      return this;
    }

    /**
     * Sets the idea's title.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder ideaTitle(@Nullable String value) {
      this.ideaTitle = value;
      return this;
    }

    /**
     * Sets the idea's category.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder categoryName(@Nullable String value) {
      this.categoryName = value;
      return this;
    }

    /**
     * Sets whether the idea was posted anonymously.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder anonymous(@Nullable Boolean value) {
      this.anonymous = value;
      return this;
    }

    /**
     * Sets whether the idea is a team submission.
     *
     * @param value the value, or null when unknown
     * @return this builder
     */
    public Builder teamSubmission(@Nullable Boolean value) {
      this.teamSubmission = value;
      return this;
    }

    /**
     * Sets the update's id.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder updateId(@Nullable String value) {
      this.updateId = value;
      return this;
    }

    /**
     * Sets the hi-fives on the update, in order.
     *
     * @param value the hi-fives
     * @return this builder
     */
    public Builder hifives(List<HiFive> value) {
      this.hifives = value;
      return this;
    }

    /**
     * Sets the comments on the update, in order.
     *
     * @param value the comments
     * @return this builder
     */
    public Builder comments(List<Comment> value) {
      this.comments = value;
      return this;
    }

    /**
     * Sets the file attached to the update.
     *
     * @param value the file, or null
     * @return this builder
     */
    public Builder attachment(@Nullable Attachment value) {
      this.attachment = value;
      return this;
    }

    /**
     * Builds the fields.
     *
     * @return new type-specific fields
     * @throws ValidationException naming the first field that breaks a rule
     */
    public BrightideaDetails build() {
      return new BrightideaDetails(
          ideaId,
          ideaTitle,
          categoryName,
          anonymous,
          teamSubmission,
          updateId,
          hifives,
          comments,
          attachment);
    }
  }
}
