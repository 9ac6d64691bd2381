CREATE TABLE `cost_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`service` text NOT NULL,
	`cost_type` text NOT NULL,
	`system_id` integer,
	`amount` integer NOT NULL,
	`comment` text,
	FOREIGN KEY (`report_id`) REFERENCES `cost_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`system_id`) REFERENCES `systems`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "cost_lines_amount_check" CHECK("cost_lines"."amount" >= 0)
);
--> statement-breakpoint
CREATE INDEX `cost_lines_report_idx` ON `cost_lines` (`report_id`);--> statement-breakpoint
CREATE INDEX `cost_lines_system_idx` ON `cost_lines` (`system_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `cost_lines_key_idx` ON `cost_lines` (`report_id`,`service`,`cost_type`,coalesce(`system_id`, 0));--> statement-breakpoint
CREATE TABLE `systems` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`vendor` text,
	`system_class` text NOT NULL,
	`svar_ut` integer DEFAULT false NOT NULL,
	`in_use_from` integer,
	`in_use_to` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `systems_org_name_idx` ON `systems` (`organisation_id`,lower("name"));--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `it_user_accounts` integer;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `employees_fte` real;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `population_override` integer;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `population_override_reason` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `gross_operating_expenditure_override` integer;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `gross_operating_expenditure_override_reason` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `warning_comments` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `submitted_at` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `submitted_by` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `decided_at` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `return_comment` text;