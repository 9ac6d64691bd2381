CREATE TABLE `idea_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`user_id` integer,
	`user_name` text NOT NULL,
	`at` text NOT NULL,
	`comment` text,
	`details` text,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `idea_events_idea_idx` ON `idea_events` (`idea_id`);--> statement-breakpoint
CREATE TABLE `idea_participants` (
	`idea_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `organisation_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_participants_org_idx` ON `idea_participants` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`title` text NOT NULL,
	`problem` text NOT NULL,
	`sector` text NOT NULL,
	`expected_benefits` text NOT NULL,
	`rough_cost_nok` integer NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`priority_score` integer,
	`recommendation` text,
	`project_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ideas_organisation_idx` ON `ideas` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `ideas_status_idx` ON `ideas` (`status`);