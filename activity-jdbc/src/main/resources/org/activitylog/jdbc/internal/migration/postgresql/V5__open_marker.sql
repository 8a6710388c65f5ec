-- activitylog schema version 5 for PostgreSQL: the open-marker table of the H2 schema, kept so
-- that both dialects have the same versions. PostgreSQL stores never write it: its indexes are
-- written through the WAL, so a killed client cannot leave one that misses rows.
CREATE TABLE IF NOT EXISTS activitylog_open_marker (
    store_id  UUID PRIMARY KEY,
    opened_at TIMESTAMPTZ NOT NULL
);
