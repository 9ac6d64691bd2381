CREATE TABLE `local_plan_measurements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`local_plan_id` integer NOT NULL,
	`benefit_key` text NOT NULL,
	`measured_on` text NOT NULL,
	`value` real NOT NULL,
	`comment` text,
	`recorded_by_user_id` integer,
	`recorded_by_name` text NOT NULL,
	`recorded_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`local_plan_id`) REFERENCES `local_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `local_plan_measurements_plan_idx` ON `local_plan_measurements` (`local_plan_id`,`benefit_key`,`measured_on`);