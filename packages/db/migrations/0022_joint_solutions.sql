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
