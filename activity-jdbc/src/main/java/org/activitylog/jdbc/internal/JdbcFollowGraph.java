package org.activitylog.jdbc.internal;

import static org.activitylog.jdbc.internal.sql.SqlArguments.text;

import java.util.Objects;
import java.util.Set;
import org.activitylog.api.ActorRef;
import org.activitylog.api.ValidationException;
import org.activitylog.spi.FollowGraph;
import org.jdbi.v3.core.JdbiException;

/** The follow graph of a JDBC store: one row per edge in {@code activitylog_follow}. */
public final class JdbcFollowGraph implements FollowGraph {
  private final StoreAccess access;

  /**
   * Creates the graph.
   *
   * @param access the store's shared state
   */
  public JdbcFollowGraph(StoreAccess access) {
    this.access = access;
  }

  @Override
  public boolean follow(ActorRef follower, ActorRef followee) {
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(followee, "followee");
    if (follower.equals(followee)) {
      throw new ValidationException("followee", "must not be the follower itself", followee);
    }
    return access.call(
        () -> {
          try {
            return edge(access.sql().insertFollowIfAbsent(), follower, followee) == 1;
          } catch (JdbiException e) {
            // On H2 a concurrent follow of the same edge can pass NOT EXISTS and then lose on the
            // primary key: the edge exists, which is all following promises.
            if (SqlErrors.isUniqueViolation(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public boolean unfollow(ActorRef follower, ActorRef followee) {
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(followee, "followee");
    return access.call(() -> edge(access.sql().deleteFollow(), follower, followee) > 0);
  }

  @Override
  public Set<ActorRef> following(ActorRef follower) {
    Objects.requireNonNull(follower, "follower");
    return access.withHandle(
        h ->
            Set.copyOf(
                h.createQuery(access.sql().following())
                    .bind("fk", text(follower.kind().name()))
                    .bind("fi", text(follower.id()))
                    .map(
                        (rs, ctx) ->
                            new ActorRef(ActorRef.Kind.valueOf(rs.getString(1)), rs.getString(2)))
                    .list()));
  }

  @Override
  public long removeActor(ActorRef actor) {
    Objects.requireNonNull(actor, "actor");
    return access.update(
        access.sql().deleteFollowsOf(),
        u -> u.bind("kind", text(actor.kind().name())).bind("id", text(actor.id())));
  }

  private int edge(String statement, ActorRef follower, ActorRef followee) {
    return access
        .jdbi()
        .withHandle(
            h ->
                h.createUpdate(statement)
                    .bind("fk", text(follower.kind().name()))
                    .bind("fi", text(follower.id()))
                    .bind("ek", text(followee.kind().name()))
                    .bind("ei", text(followee.id()))
                    .execute());
  }
}
