-- activitylog schema version 3 for PostgreSQL: the soft-delete column joins the tenant and type
-- indexes as an included (non-key) column.
-- Every feed query and count filters on deleted_at IS NULL by default. With the column only in the
-- table, counting one workspace was a Bitmap Heap Scan over every row of it (at 20,000 rows per
-- workspace: about 18,000 heap blocks, 64-72 ms); with deleted_at in the index it is an Index Only
-- Scan (no heap fetches once autovacuum has marked the pages all-visible, about 4 ms).
-- INCLUDE rather than a partial index WHERE deleted_at IS NULL: both measured alike (3.9 ms and
-- 3.6 ms for that count), but a partial index cannot serve queries that include or only want
-- deleted activities, so it would have to live beside the old index and every insert would
-- maintain both. With INCLUDE the new index replaces the old one. Creating an index blocks writes
-- to the table while it is built; on a large table apply this version in a quiet period.

-- A workspace's feed, newest first (and oldest first, read backwards), and COUNT(*) of one
-- workspace: pages, keyset pages and counts come from the index, deleted_at included.
CREATE INDEX IF NOT EXISTS activitylog_activity_tenant_live_idx
    ON activitylog_activity (workspace_group_id, created_at DESC, id DESC) INCLUDE (deleted_at);
DROP INDEX IF EXISTS activitylog_activity_tenant_time_idx;

-- The type filter within a workspace, and counts of one workspace and type, likewise.
CREATE INDEX IF NOT EXISTS activitylog_activity_type_live_idx
    ON activitylog_activity (workspace_group_id, activity_type, created_at DESC, id DESC)
    INCLUDE (deleted_at);
DROP INDEX IF EXISTS activitylog_activity_type_time_idx;
