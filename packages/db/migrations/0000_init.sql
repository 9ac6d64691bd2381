CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`alt_name` text,
	`kind` text NOT NULL,
	`county_number` text NOT NULL,
	CONSTRAINT "organisations_kind_check" CHECK("organisations"."kind" in ('municipality', 'county'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_number_unique` ON `organisations` (`number`);--> statement-breakpoint
CREATE INDEX `organisations_kind_idx` ON `organisations` (`kind`);--> statement-breakpoint
CREATE TABLE `populations` (
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
CREATE INDEX `populations_year_idx` ON `populations` (`year`);--> statement-breakpoint
CREATE TABLE `reporting_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`deadline` text,
	CONSTRAINT "reporting_years_state_check" CHECK("reporting_years"."state" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE `cost_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`total_it_cost` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`source` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`year`) REFERENCES `reporting_years`(`year`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cost_reports_total_check" CHECK("cost_reports"."total_it_cost" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cost_reports_org_year_idx` ON `cost_reports` (`organisation_id`,`year`);--> statement-breakpoint
CREATE INDEX `cost_reports_year_idx` ON `cost_reports` (`year`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`indicator_code` text NOT NULL,
	`year` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`numerator` integer NOT NULL,
	`denominator` integer NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`computed_at` text NOT NULL,
	PRIMARY KEY(`indicator_code`, `year`, `organisation_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicator_values_org_idx` ON `indicator_values` (`organisation_id`);