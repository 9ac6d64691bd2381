CREATE TABLE `cooperative_members` (
	`cooperative_id` integer NOT NULL,
	`municipality_id` integer NOT NULL,
	PRIMARY KEY(`cooperative_id`, `municipality_id`),
	FOREIGN KEY (`cooperative_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cooperative_members_municipality_idx` ON `cooperative_members` (`municipality_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`alt_name` text,
	`kind` text NOT NULL,
	`county_number` text NOT NULL,
	`kostra_group` text,
	`kostra_group_name` text,
	`kostra_group_source` text,
	CONSTRAINT "organisations_kind_check" CHECK("__new_organisations"."kind" in ('municipality', 'county', 'itCooperative'))
);
--> statement-breakpoint
INSERT INTO `__new_organisations`("id", "number", "name", "alt_name", "kind", "county_number", "kostra_group", "kostra_group_name", "kostra_group_source") SELECT "id", "number", "name", "alt_name", "kind", "county_number", "kostra_group", "kostra_group_name", "kostra_group_source" FROM `organisations`;--> statement-breakpoint
DROP TABLE `organisations`;--> statement-breakpoint
ALTER TABLE `__new_organisations` RENAME TO `organisations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_number_unique` ON `organisations` (`number`);--> statement-breakpoint
CREATE INDEX `organisations_kind_idx` ON `organisations` (`kind`);