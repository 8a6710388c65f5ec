package org.activitylog.testkit.broken;

import java.time.Instant;
import java.util.Map;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.JsonValue;
import org.jspecify.annotations.Nullable;

/** Copies of an activity with some fields changed, for the broken backends' views. */
final class Rows {
  private Rows() {}

  static Activity withContent(Activity a, ActivityContent c) {
    return a.toBuilder().content(c).build();
  }

  static Activity withUpdateStamp(Activity a, Instant updatedAt, @Nullable String updatedBy) {
    return a.toBuilder().updatedAt(updatedAt).updatedBy(updatedBy).build();
  }

  static Activity withAuditNames(
      Activity a,
      @Nullable String createdBy,
      @Nullable String updatedBy,
      @Nullable String deletedBy) {
    return a.toBuilder().createdBy(createdBy).updatedBy(updatedBy).deletedBy(deletedBy).build();
  }

  static ActivityContent withText(ActivityContent c, @Nullable String text) {
    return c.toBuilder().text(text).build();
  }

  static ActivityContent withDerivedGroup(
      ActivityContent c, @Nullable Long derivedWorkspaceGroupId) {
    return c.toBuilder().derivedWorkspaceGroupId(derivedWorkspaceGroupId).build();
  }

  static ActivityContent withExtensions(ActivityContent c, Map<String, JsonValue> extensions) {
    return c.toBuilder().extensions(extensions).build();
  }

  /** The group a backend that confuses the two columns reads: the derived one when there is one. */
  static long derivedOrOwner(Activity a) {
    Long derived = a.content().derivedWorkspaceGroupId();
    return derived != null ? derived : a.workspaceGroupId();
  }
}
