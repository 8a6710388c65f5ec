package org.activitylog.recorder;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.Actor;
import org.activitylog.api.Campaign;
import org.activitylog.api.JsonValue;
import org.activitylog.api.NewActivity;
import org.jspecify.annotations.Nullable;

/**
 * One activity being described on the hot path, from {@link ActivityRecorder#record(ActivityKind,
 * Actor)}; {@link #submit()} hands it to the recorder. Every setter is optional. Not thread-safe:
 * describe and submit on one thread.
 *
 * <pre>{@code
 * recorder.record(ActivityType.USER_LOGIN, user).workspaceGroupId(42).text("signed in").submit();
 * }</pre>
 */
public final class Recording {
  private final ActivityRecorder recorder;
  private final NewActivity.Builder builder;

  Recording(ActivityRecorder recorder, ActivityKind type, Actor actor) {
    this.recorder = recorder;
    this.builder = NewActivity.builder(type, actor);
  }

  /**
   * Sets the description.
   *
   * @param value the text, at most {@value org.activitylog.api.Activity#MAX_TEXT} characters
   * @return this recording
   */
  public Recording text(@Nullable String value) {
    builder.text(value);
    return this;
  }

  /**
   * Sets what the activity happened to.
   *
   * @param value any value {@link org.activitylog.api.JsonValue#of(Object)} accepts
   * @return this recording
   * @throws org.activitylog.api.ValidationException naming {@code resource} when it is not JSON
   */
  public Recording resource(@Nullable Object value) {
    builder.resource(value);
    return this;
  }

  /**
   * Sets the owning workspace group (the tenant). Defaults to 0.
   *
   * @param workspaceGroupId the workspace group id
   * @return this recording
   */
  public Recording workspaceGroupId(long workspaceGroupId) {
    builder.workspaceGroupId(workspaceGroupId);
    return this;
  }

  /**
   * Sets the derived workspace group: the one AISquare derives from the user's personal workspace
   * or the resource's context ({@code workspace_group}), never the owner.
   *
   * @param value the derived workspace group id, or null
   * @return this recording
   */
  public Recording derivedWorkspaceGroupId(@Nullable Long value) {
    builder.derivedWorkspaceGroupId(value);
    return this;
  }

  /**
   * Sets the campaign.
   *
   * @param value the campaign, or null
   * @return this recording
   */
  public Recording campaign(@Nullable Campaign value) {
    builder.campaign(value);
    return this;
  }

  /**
   * Sets the type-specific fields a wire format adds, such as Brightidea's ({@code
   * BrightideaDetails.toExtensions()} of activity-formats).
   *
   * @param value the fields by name, in order
   * @return this recording
   */
  public Recording extensions(Map<String, JsonValue> value) {
    builder.extensions(value);
    return this;
  }

  /**
   * Sets the idempotency key, for an activity the host may record more than once (a retried
   * request). Generated when not set.
   *
   * @param value the uid
   * @return this recording
   */
  public Recording uid(@Nullable UUID value) {
    builder.uid(value);
    return this;
  }

  /**
   * Sets when it happened. The recorder's clock at {@link #submit()} when not set.
   *
   * @param value the creation time
   * @return this recording
   */
  public Recording createdAt(@Nullable Instant value) {
    builder.createdAt(value);
    return this;
  }

  /**
   * Sets who recorded it, for the audit trail.
   *
   * @param value the name
   * @return this recording
   */
  public Recording createdBy(@Nullable String value) {
    builder.createdBy(value);
    return this;
  }

  /**
   * Validates the activity and hands it to the recorder; see {@link
   * ActivityRecorder#record(NewActivity)}.
   *
   * @return the receipt: the activity's uid and whether it was queued, stored or dropped
   * @throws org.activitylog.api.ValidationException naming the first field that breaks a rule
   */
  public Receipt submit() {
    return recorder.record(builder.build());
  }
}
