-- activitylog schema version 6 for H2: exclusive, named job leases (the retention job's), one row
-- per name. A store takes a lease by inserting its row, or by taking over a row whose expiry has
-- passed with a conditional UPDATE; it renews and releases only a row that names it as holder.
-- A store that dies holding a lease leaves its row, which another store takes over once expired.
CREATE TABLE IF NOT EXISTS activitylog_job_lease (
    name       VARCHAR(100) PRIMARY KEY,
    holder     UUID NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
