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