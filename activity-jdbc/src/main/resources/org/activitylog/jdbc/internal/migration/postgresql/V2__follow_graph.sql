-- activitylog schema version 2 for PostgreSQL: who follows whom, for Brightidea's following=1 filter.

CREATE TABLE IF NOT EXISTS activitylog_follow (
    follower_kind VARCHAR(6) NOT NULL,
    follower_id   VARCHAR(36) NOT NULL,
    followee_kind VARCHAR(6) NOT NULL,
    followee_id   VARCHAR(36) NOT NULL,
    -- The key answers "whom does this actor follow", which the following filter asks for every
    -- row it tests, and makes following idempotent.
    CONSTRAINT activitylog_follow_pkey
        PRIMARY KEY (follower_kind, follower_id, followee_kind, followee_id)
);

-- Erasing an actor removes the edges that point at it too.
CREATE INDEX IF NOT EXISTS activitylog_follow_followee_idx
    ON activitylog_follow (followee_kind, followee_id);
