CREATE TABLE `benefit_measurements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`benefit_id` integer NOT NULL,
	`measured_on` text NOT NULL,
	`value` real NOT NULL,
	`comment` text,
	`recorded_by_user_id` integer,
	`recorded_by_name` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `benefit_measurements_benefit_idx` ON `benefit_measurements` (`benefit_id`,`measured_on`);--> statement-breakpoint
CREATE TABLE `benefit_plan_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`number` integer NOT NULL,
	`phase` text NOT NULL,
	`approved_by_name` text NOT NULL,
	`approved_on` text NOT NULL,
	`recorded_by_user_id` integer,
	`recorded_at` text NOT NULL,
	`comment` text,
	`content` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `benefit_plan_versions_number_idx` ON `benefit_plan_versions` (`project_id`,`number`);--> statement-breakpoint
CREATE TABLE `benefit_targets` (
	`benefit_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`benefit_id`, `due_date`),
	FOREIGN KEY (`benefit_id`) REFERENCES `benefits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `benefits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`owner_name` text NOT NULL,
	`owner_user_id` integer,
	`type` text NOT NULL,
	`valuation` text NOT NULL,
	`annual_value_nok` integer,
	`cash` integer NOT NULL,
	`quantitative` integer NOT NULL,
	`dis_benefit` integer NOT NULL,
	`indicator_name` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`method` text,
	`frequency` text NOT NULL,
	`linked_indicator_code` text,
	`baseline_value` real NOT NULL,
	`baseline_date` text NOT NULL,
	`precondition_keys` text DEFAULT '[]' NOT NULL,
	`goal_keys` text DEFAULT '[]' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `benefits_project_idx` ON `benefits` (`project_id`);--> statement-breakpoint
CREATE INDEX `benefits_owner_user_idx` ON `benefits` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `project_participants` (
	`project_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`project_id`, `organisation_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_participants_org_idx` ON `project_participants` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`sector` text NOT NULL,
	`phase` text NOT NULL,
	`benefit_map` text DEFAULT '{"deliverables":[],"preconditions":[],"goals":[]}' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `projects_owner_idx` ON `projects` (`owner_organisation_id`);