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
