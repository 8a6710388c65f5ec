-- activitylog schema version 4 for H2: a uid is unique within the workspace group that owns the
-- activity, no longer across groups.
-- With one key across every group, an insert's answer depended on rows of other tenants (a uid
-- taken elsewhere was refused), which told a client which uids exist outside its groups. The key is
-- now the pair: the same uid in another group is another activity. Insert-if-absent matches on
-- uid AND workspace_group_id, and uid look-ups name the group (or the requester's groups).
-- The unique index leads with uid: a uid is selective on its own, so the same index serves the
-- key, the batch insert's re-read of existing uids, and uid filters across several groups.
-- Existing data cannot violate the new key: it is weaker than the old one.

CREATE UNIQUE INDEX IF NOT EXISTS activitylog_activity_uid_group_key
    ON activitylog_activity (uid, workspace_group_id);
ALTER TABLE activitylog_activity DROP CONSTRAINT IF EXISTS activitylog_activity_uid_key;
