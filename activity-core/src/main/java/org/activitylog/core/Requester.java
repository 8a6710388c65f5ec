package org.activitylog.core;

import java.util.HashSet;
import java.util.Set;
import org.activitylog.api.ActorRef;
import org.jspecify.annotations.Nullable;

/**
 * Who is asking, and which workspace groups it may read and write. Build one per request from the
 * host's authentication, for example from a bearer token.
 *
 * @param actor the requester's own actor identity, for {@code following}; null when anonymous or
 *     when the requester is the host itself
 * @param name the name written to {@code created_by}, {@code updated_by} and {@code deleted_by}
 * @param readableGroups the workspace groups whose activities it may read
 * @param writableGroups the workspace groups it may record into, update and delete in
 * @param allGroups whether it may read and write every workspace group (the host itself)
 */
public record Requester(
    @Nullable ActorRef actor,
    @Nullable String name,
    Set<Long> readableGroups,
    Set<Long> writableGroups,
    boolean allGroups) {

  private static final Requester ANONYMOUS = new Requester(null, null, Set.of(), Set.of(), false);

  /**
   * Copies the sets.
   *
   * @param actor the requester's own actor identity, for {@code following}; null when anonymous or
   *     when the requester is the host itself
   * @param name the name written to {@code created_by}, {@code updated_by} and {@code deleted_by}
   * @param readableGroups the workspace groups whose activities it may read
   * @param writableGroups the workspace groups it may record into, update and delete in
   * @param allGroups whether it may read and write every workspace group (the host itself)
   */
  public Requester {
    readableGroups = Set.copyOf(readableGroups);
    writableGroups = Set.copyOf(writableGroups);
    Arguments.auditName("requester.name", name);
  }

  /** {@return someone not authenticated: may read only on a public site, never write} */
  public static Requester anonymous() {
    return ANONYMOUS;
  }

  /**
   * {@return an authenticated user} A group it may write is also one it may read.
   *
   * @param actor the user's actor identity
   * @param name the name for audit fields, for example the username
   * @param readableGroups the workspace groups it may read
   * @param writableGroups the workspace groups it may write
   */
  public static Requester user(
      ActorRef actor, String name, Set<Long> readableGroups, Set<Long> writableGroups) {
    Arguments.required("requester.actor", actor);
    Arguments.required("requester.name", name);
    HashSet<Long> readable = new HashSet<>(readableGroups);
    readable.addAll(writableGroups);
    return new Requester(actor, name, readable, writableGroups, false);
  }

  /**
   * {@return the host application itself, for trusted background work: reads and writes every
   * workspace group}
   *
   * @param name the name for audit fields, for example {@code "system"}
   */
  public static Requester system(String name) {
    return new Requester(
        null, Arguments.required("requester.name", name), Set.of(), Set.of(), true);
  }

  /** {@return whether the requester is authenticated: a user or the host itself} */
  public boolean isAuthenticated() {
    return actor != null || allGroups;
  }

  /**
   * {@return whether the requester may read activities of a workspace group}
   *
   * @param group the workspace group id
   */
  public boolean canRead(long group) {
    return allGroups || readableGroups.contains(group);
  }

  /**
   * {@return whether the requester may write activities of a workspace group}
   *
   * @param group the workspace group id
   */
  public boolean canWrite(long group) {
    return allGroups || writableGroups.contains(group);
  }
}
