-- Jobs run by workers (`serve --queue`): when a worker took the job and which one. `started_at` minus `created_at`
-- is how long the job waited in the queue; a job run by a server itself leaves `worker` null. A job delivered again
-- (its worker died) shows the worker and start of its last delivery.
ALTER TABLE upload_job ADD COLUMN started_at TEXT;
ALTER TABLE upload_job ADD COLUMN worker TEXT;
