CREATE TABLE `peer_set_members` (
	`peer_set_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	PRIMARY KEY(`peer_set_id`, `organisation_id`),
	FOREIGN KEY (`peer_set_id`) REFERENCES `peer_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `peer_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`owner_user_id` integer NOT NULL,
	`shared_with_organisation_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shared_with_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `peer_sets_owner_idx` ON `peer_sets` (`owner_user_id`);--> statement-breakpoint
CREATE INDEX `peer_sets_shared_idx` ON `peer_sets` (`shared_with_organisation_id`);