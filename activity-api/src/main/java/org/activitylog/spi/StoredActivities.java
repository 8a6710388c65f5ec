package org.activitylog.spi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.activitylog.api.Activity;
import org.activitylog.api.ActivityContent;
import org.activitylog.api.ActivityKind;
import org.activitylog.api.ActivityUpdate;
import org.activitylog.api.Actor;
import org.activitylog.api.ActorRef;
import org.activitylog.api.Campaign;
import org.activitylog.api.ErasureMode;
import org.activitylog.api.JsonValue;
import org.activitylog.api.Member;
import org.activitylog.api.NewActivity;
import org.activitylog.api.UserSimple;
import org.activitylog.api.ValidationException;
import org.activitylog.api.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The state each write of {@link ActivityRepository} stores, as its javadoc states it, written
 * once: a backend that computes stored state in Java calls these, and one that computes it in SQL
 * must store exactly what they return (the testkit compares every write with them). None of them
 * reads a clock or a store; the caller passes the time it stamps.
 *
 * <p>Reading rows back: rebuild them through the canonical constructors of {@link Activity}, {@link
 * ActivityContent}, {@link UserSimple}, {@link Member}, {@link Campaign} and the {@link JsonValue}
 * records. That is the trusted way: those constructors check only the shape (required parts
 * present, ranges; {@link Campaign} also its name's length), because every row was checked when it
 * entered ({@link NewActivity}, {@link ActivityUpdate}, the builders, the wire readers), so a read
 * costs no e-mail, username or JSON size check and a stored row is never refused. The builders and
 * {@code of(...)} factories run the entry rules: use them for data that comes from outside, not for
 * stored rows.
 */
public final class StoredActivities {

  private static final UserSimple ANONYMOUS_USER =
      UserSimple.of(0, "anonymous", "anonymous@invalid");

  private static final Member ANONYMOUS_MEMBER = Member.of(new UUID(0, 0), "Anonymous");

  private StoredActivities() {}

  /**
   * {@return a newly inserted activity, as {@link ActivityRepository#insert} stores it: version 1,
   * active, not deleted, {@code updated_at} and {@code updated_by} equal to {@code created_at} and
   * {@code created_by}}
   *
   * @param id the id the store assigned
   * @param draft the activity as recorded, with uid and creation time set
   * @throws ValidationException naming {@code uid} or {@code created_at} when the draft lacks it
   */
  public static Activity created(long id, NewActivity draft) {
    Instant created = Checks.required("created_at", draft.createdAt());
    return Activity.builder(id, Checks.required("uid", draft.uid()), draft.content(), created)
        .createdBy(draft.createdBy())
        .updatedBy(draft.createdBy())
        .build();
  }

  /**
   * Whether storing an update would change anything. {@link ActivityRepository#update} leaves an
   * activity untouched, version and audit fields included, when it would not: a {@code PUT} of the
   * body a {@code GET} answered is a no-op.
   *
   * @param update the update
   * @param current the stored content
   * @return true when some field the update gives differs from the stored one
   */
  public static boolean changes(ActivityUpdate update, ActivityContent current) {
    // Kinds are compared by code, as backends store them: an UnknownActivityType read back from a
    // store that did not know the host enum names the same type as the host's constant.
    ActivityKind type = update.type();
    ActivityUpdate compared =
        type != null && type.sameCode(current.type())
            ? new ActivityUpdate(
                null,
                update.actor(),
                update.text(),
                update.resource(),
                update.campaign(),
                update.extensions())
            : update;
    return !applied(compared, current).equals(current);
  }

  /**
   * {@return the content after an update: every field the update gives replaced, every other one
   * kept, and both workspace groups kept whatever the update says}
   *
   * @param update the update
   * @param current the stored content
   */
  public static ActivityContent applied(ActivityUpdate update, ActivityContent current) {
    ActivityContent.Builder next = current.toBuilder();
    ActivityKind type = update.type();
    if (type != null) {
      next.type(type);
    }
    Actor actor = update.actor();
    if (actor != null) {
      next.actor(actor);
    }
    String text = update.text();
    if (text != null) {
      next.text(text);
    }
    JsonValue resource = update.resource();
    if (resource != null) {
      next.resource(resource);
    }
    Campaign campaign = update.campaign();
    if (campaign != null) {
      next.campaign(campaign);
    }
    Map<String, JsonValue> extensions = update.extensions();
    if (extensions != null) {
      next.extensions(extensions);
    }
    return next.build();
  }

  /**
   * {@return an activity as an update that {@linkplain #changes changes} it stores it: the update
   * {@linkplain #applied applied} to the content, {@code updated_at} and {@code updated_by}
   * stamped, the version plus one; the id, uid, creation fields and soft-delete state kept}
   *
   * @param current the stored activity
   * @param update the update
   * @param at when it was updated, from the store's clock
   * @param by who updated it, or null
   */
  public static Activity updated(
      Activity current, ActivityUpdate update, Instant at, @Nullable String by) {
    return current.toBuilder()
        .content(applied(update, current.content()))
        .updatedAt(at)
        .updatedBy(by)
        .version(current.version() + 1)
        .build();
  }

  /**
   * {@return an activity as {@link ActivityRepository#softDelete} stores it: {@code deleted_at} and
   * {@code updated_at} stamped, {@code deleted_by} and {@code updated_by} set, inactive, the
   * version plus one, the content kept} Deleting a deleted activity changes nothing: do not call
   * this then.
   *
   * @param current the stored activity, not deleted
   * @param at when it was deleted, from the store's clock
   * @param by who deleted it, or null
   */
  public static Activity deleted(Activity current, Instant at, @Nullable String by) {
    return current.toBuilder()
        .updatedAt(at)
        .updatedBy(by)
        .deletedAt(at)
        .deletedBy(by)
        .active(false)
        .version(current.version() + 1)
        .build();
  }

  /**
   * {@return an activity as {@link ActivityRepository#restore} stores it: {@code deleted_at} and
   * {@code deleted_by} cleared, active, {@code updated_at} stamped and {@code updated_by} set, the
   * version plus one} Restoring an activity that is not deleted changes nothing: do not call this
   * then.
   *
   * @param current the stored activity, deleted
   * @param at when it was restored, from the store's clock
   * @param by who restored it, or null
   */
  public static Activity restored(Activity current, Instant at, @Nullable String by) {
    return current.toBuilder()
        .updatedAt(at)
        .updatedBy(by)
        .deletedAt(null)
        .deletedBy(null)
        .active(true)
        .version(current.version() + 1)
        .build();
  }

  /**
   * {@return an activity as {@link ActivityRepository#eraseActor} with {@link
   * ErasureMode#ANONYMISE} stores it: the actor replaced with the {@linkplain #anonymousActor
   * anonymous actor} of its kind, {@code created_by}, {@code updated_by} and {@code deleted_by}
   * cleared (they may name the person), {@code updated_at} stamped, the version plus one; text,
   * resource and soft-delete state kept}
   *
   * @param current the stored activity
   * @param at when it was anonymised, from the store's clock
   */
  public static Activity anonymised(Activity current, Instant at) {
    ActivityContent c = current.content();
    return current.toBuilder()
        .content(c.toBuilder().actor(anonymousActor(c.actor().ref().kind())).build())
        .createdBy(null)
        .updatedAt(at)
        .updatedBy(null)
        .deletedBy(null)
        .version(current.version() + 1)
        .build();
  }

  /**
   * {@return the actor that erasure by {@link ErasureMode#ANONYMISE} leaves in place of a person of
   * a kind: the user {@code 0} named {@code anonymous} or the member with the nil UUID named {@code
   * Anonymous}, with no other field} Its reference is the one {@link ActorRef#isAnonymous()}
   * recognises.
   *
   * @param kind the kind of the erased actor
   */
  public static Actor anonymousActor(ActorRef.Kind kind) {
    return switch (kind) {
      case USER -> ANONYMOUS_USER;
      case MEMBER -> ANONYMOUS_MEMBER;
    };
  }
}
