package org.activitylog.jdbc.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.activitylog.jdbc.Dialect;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one-row insert binds by position the values the named statement names. */
@DisplayName("A positional statement")
class PositionalSqlTest {

  @Test
  @DisplayName("Replaces every named parameter by a placeholder and keeps the names in order")
  void rewritesNamesInOrder() {
    PositionalSql p = PositionalSql.of("SELECT :a, CAST(:b AS jsonb) WHERE x = :a");

    assertThat(p.sql()).isEqualTo("SELECT ?, CAST(? AS jsonb) WHERE x = ?");
    assertThat(p.names()).containsExactly("a", "b", "a");
  }

  @Test
  @DisplayName("Has one position per parameter of each dialect's insert, the H2 uid guard included")
  void coversTheInserts() {
    for (Dialect dialect : Dialect.values()) {
      PositionalSql p = PositionalSql.of(ActivitySql.of(dialect, null).insertIfAbsent());

      assertThat(p.sql()).doesNotContain(":");
      assertThat(p.sql().chars().filter(c -> c == '?').count()).isEqualTo(p.names().size());
      assertThat(p.names())
          .containsOnly(
              "uid",
              "type",
              "actorKind",
              "actorId",
              "actor",
              "text",
              "resource",
              "workspaceGroupId",
              "workspaceGroup",
              "campaignId",
              "campaignName",
              "details",
              "createdAt",
              "createdBy");
    }
  }
}
