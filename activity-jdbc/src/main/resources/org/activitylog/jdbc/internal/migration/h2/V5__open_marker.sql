-- activitylog schema version 5 for H2: one row per store that has this database open. A store
-- adds its row when it opens and deletes it when it closes; a row found at open means a store
-- ended without closing (a killed process), and the store checks every index before serving.
CREATE TABLE IF NOT EXISTS activitylog_open_marker (
    store_id  UUID PRIMARY KEY,
    opened_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
