package org.activitylog.testkit.broken;

import java.time.Instant;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.BrightideaDetails;
import org.jspecify.annotations.Nullable;

/** Copies of an activity with some fields changed, for the broken backends' views. */
final class Rows {
  private Rows() {}

  static Activity withContent(Activity a, ActivityContent c) {
    return new Activity(
        a.id(),
        a.uid(),
        c,
        a.createdAt(),
        a.createdBy(),
        a.updatedAt(),
        a.updatedBy(),
        a.deletedAt(),
        a.deletedBy(),
        a.active(),
        a.version());
  }

  static Activity withUpdateStamp(Activity a, Instant updatedAt, @Nullable String updatedBy) {
    return new Activity(
        a.id(),
        a.uid(),
        a.content(),
        a.createdAt(),
        a.createdBy(),
        updatedAt,
        updatedBy,
        a.deletedAt(),
        a.deletedBy(),
        a.active(),
        a.version());
  }

  static Activity withAuditNames(
      Activity a,
      @Nullable String createdBy,
      @Nullable String updatedBy,
      @Nullable String deletedBy) {
    return new Activity(
        a.id(),
        a.uid(),
        a.content(),
        a.createdAt(),
        createdBy,
        a.updatedAt(),
        updatedBy,
        a.deletedAt(),
        deletedBy,
        a.active(),
        a.version());
  }

  static ActivityContent withText(ActivityContent c, @Nullable String text) {
    return new ActivityContent(
        c.type(),
        c.actor(),
        text,
        c.resource(),
        c.workspaceGroupId(),
        c.workspaceGroup(),
        c.campaign(),
        c.details());
  }

  static ActivityContent withDerivedGroup(ActivityContent c, @Nullable Long workspaceGroup) {
    return new ActivityContent(
        c.type(),
        c.actor(),
        c.text(),
        c.resource(),
        c.workspaceGroupId(),
        workspaceGroup,
        c.campaign(),
        c.details());
  }

  static ActivityContent withDetails(ActivityContent c, BrightideaDetails details) {
    return new ActivityContent(
        c.type(),
        c.actor(),
        c.text(),
        c.resource(),
        c.workspaceGroupId(),
        c.workspaceGroup(),
        c.campaign(),
        details);
  }

  /** The group a backend that confuses the two columns reads: the derived one when there is one. */
  static long derivedOrOwner(Activity a) {
    Long derived = a.content().workspaceGroup();
    return derived != null ? derived : a.workspaceGroupId();
  }
}
