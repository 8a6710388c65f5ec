package org.activitylog.spi;

import java.util.Set;
import org.activitylog.api.AccessDeniedException;
import org.activitylog.api.Activity;
import org.activitylog.api.ConflictException;
import org.activitylog.api.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * What a write of a stored activity may touch, decided by the store on the row it has locked, in
 * the transaction that writes it: {@link ActivityRepository#update}, {@link
 * ActivityRepository#softDelete} and {@link ActivityRepository#restore} take one, so an access
 * check and the write it allows see the same row and no concurrent move or delete can come between
 * them.
 *
 * <p>A {@link #trusted} guard checks only the expected version: the caller answers for access
 * (administrative code, the testkit). A {@link #requester} guard states what the {@code
 * ActivityLog} facade checks for a requester, in this order:
 *
 * <ol>
 *   <li>not visible is {@link NotFoundException}, exactly that of a missing id: the row is in no
 *       readable group, or it is soft-deleted (update, delete), or it is not soft-deleted or in no
 *       writable group (restore);
 *   <li>visible but in no writable group is {@link AccessDeniedException} (update, delete);
 *   <li>another version than the expected one is {@link ConflictException}.
 * </ol>
 *
 * @param readableGroups the workspace groups whose activities the writer may see, or null for every
 *     group
 * @param writableGroups the workspace groups whose activities the writer may change, or null for
 *     every group
 * @param requesterRules whether the facade's rules for soft-deleted rows apply (a requester's
 *     write) or the repository's (a trusted write changes deleted rows too)
 * @param expectedVersion when not null, the write happens only if the stored version is this
 */
public record WriteGuard(
    @Nullable Set<Long> readableGroups,
    @Nullable Set<Long> writableGroups,
    boolean requesterRules,
    @Nullable Long expectedVersion) {

  /** A trusted write at any version. */
  public static final WriteGuard TRUSTED = new WriteGuard(null, null, false, null);

  /**
   * Copies the group sets.
   *
   * @param readableGroups the readable groups, or null for every group
   * @param writableGroups the writable groups, or null for every group
   * @param requesterRules whether the facade's rules for soft-deleted rows apply
   * @param expectedVersion the expected version, or null for any
   */
  public WriteGuard {
    readableGroups = readableGroups == null ? null : Set.copyOf(readableGroups);
    writableGroups = writableGroups == null ? null : Set.copyOf(writableGroups);
  }

  /**
   * {@return a trusted guard that checks only the version}
   *
   * @param expectedVersion the expected version, or null for any
   */
  public static WriteGuard trusted(@Nullable Long expectedVersion) {
    return expectedVersion == null ? TRUSTED : new WriteGuard(null, null, false, expectedVersion);
  }

  /**
   * {@return the guard of a requester's write through the facade}
   *
   * @param readableGroups the groups it may read, or null for every group
   * @param writableGroups the groups it may write, or null for every group
   * @param expectedVersion the expected version, or null for any
   */
  public static WriteGuard requester(
      @Nullable Set<Long> readableGroups,
      @Nullable Set<Long> writableGroups,
      @Nullable Long expectedVersion) {
    return new WriteGuard(readableGroups, writableGroups, true, expectedVersion);
  }

  /**
   * Checks an update or a soft delete against the row as the store holds it, locked.
   *
   * @param stored the locked row, or null when no activity has the id
   * @return the row, when the write may go ahead
   * @throws NotFoundException when the row is missing or not visible to the writer
   * @throws AccessDeniedException when the writer may see the row but not write it
   * @throws ConflictException when the stored version is not the expected one
   */
  public Activity admitChange(@Nullable Activity stored) {
    if (stored == null) {
      throw new NotFoundException();
    }
    if (requesterRules && (stored.isDeleted() || !in(readableGroups, stored))) {
      throw new NotFoundException();
    }
    if (!in(writableGroups, stored)) {
      throw new AccessDeniedException("the requester may only read this activity");
    }
    return checkVersion(stored);
  }

  /**
   * Checks a restore against the row as the store holds it, locked. A requester may restore only a
   * soft-deleted activity of a group it may write; anything else is not found for it.
   *
   * @param stored the locked row, or null when no activity has the id
   * @return the row, when the restore may go ahead
   * @throws NotFoundException when the row is missing or not restorable by the writer
   * @throws ConflictException when the stored version is not the expected one
   */
  public Activity admitRestore(@Nullable Activity stored) {
    if (stored == null
        || (requesterRules && (!stored.isDeleted() || !in(writableGroups, stored)))) {
      throw new NotFoundException();
    }
    return checkVersion(stored);
  }

  private Activity checkVersion(Activity stored) {
    if (expectedVersion != null && expectedVersion != stored.version()) {
      throw new ConflictException(
          "the activity was changed since the expected version; read it again and retry");
    }
    return stored;
  }

  private static boolean in(@Nullable Set<Long> groups, Activity stored) {
    return groups == null || groups.contains(stored.workspaceGroupId());
  }
}
