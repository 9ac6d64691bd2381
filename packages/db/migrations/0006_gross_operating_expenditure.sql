CREATE TABLE `gross_operating_expenditures` (
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`value` integer NOT NULL,
	`source` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `year`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `gross_operating_expenditures_year_idx` ON `gross_operating_expenditures` (`year`);