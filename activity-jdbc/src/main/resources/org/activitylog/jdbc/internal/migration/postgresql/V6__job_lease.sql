-- activitylog schema version 6 for PostgreSQL: the job-lease table of the H2 schema, kept so that
-- both dialects have the same versions. PostgreSQL stores never write it: a lease there is a
-- session-level advisory lock (pg_try_advisory_lock), which ends with the holder's connection.
CREATE TABLE IF NOT EXISTS activitylog_job_lease (
    name       VARCHAR(100) PRIMARY KEY,
    holder     UUID NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
