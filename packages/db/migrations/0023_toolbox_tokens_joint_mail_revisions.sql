CREATE TABLE `local_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`template_version` integer NOT NULL,
	`in_use_from` text NOT NULL,
	`benefits` text NOT NULL,
	`adopted_by_name` text NOT NULL,
	`adopted_at` text NOT NULL,
	`approved_content` text,
	`approved_by_name` text,
	`approved_at` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `local_plans_project_org_idx` ON `local_plans` (`project_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `local_plans_org_idx` ON `local_plans` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `project_template_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`number` integer NOT NULL,
	`content` text NOT NULL,
	`published_by_name` text NOT NULL,
	`published_by_user_id` integer,
	`published_at` text NOT NULL,
	`comment` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_template_versions_number_idx` ON `project_template_versions` (`project_id`,`number`);--> statement-breakpoint
CREATE TABLE `project_templates` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`content` text DEFAULT '{"benefits":[]}' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `toolbox_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`file_name` text,
	`document_type` text,
	`size_bytes` integer,
	`added_by_user_id` integer,
	`added_by_name` text NOT NULL,
	`added_at` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `toolbox_entries_project_idx` ON `toolbox_entries` (`project_id`);--> statement-breakpoint
CREATE TABLE `toolbox_files` (
	`entry_id` integer PRIMARY KEY NOT NULL,
	`content` blob NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `toolbox_entries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_by_user_id` integer,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	`revoked_by_user_id` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_publicId_unique` ON `api_tokens` (`public_id`);--> statement-breakpoint
CREATE INDEX `api_tokens_organisation_idx` ON `api_tokens` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `mail_opt_outs` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`recipient_user_id` integer,
	`recipient_email` text NOT NULL,
	`language` text NOT NULL,
	`content` text NOT NULL,
	`secret` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_attempt_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`recipient_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_idempotencyKey_unique` ON `mail_outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_created_idx` ON `mail_outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `indicator_value_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_code` text NOT NULL,
	`year` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`numerator` integer NOT NULL,
	`denominator` integer NOT NULL,
	`is_demo` integer NOT NULL,
	`revised_on` text NOT NULL,
	`revised_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_value_revisions_value_idx` ON `indicator_value_revisions` (`indicator_code`,`organisation_id`,`year`);