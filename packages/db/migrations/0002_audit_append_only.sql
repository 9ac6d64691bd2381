-- A role is held once per user, organisation and sector (NULLs would not collide in a plain UNIQUE).
CREATE UNIQUE INDEX `role_assignments_unique_idx` ON `role_assignments` (`user_id`, `role`, coalesce(`organisation_id`, 0), coalesce(`sector`, ''));
--> statement-breakpoint
-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
