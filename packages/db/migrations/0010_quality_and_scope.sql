CREATE TABLE `mail_counts` (
	`report_id` integer NOT NULL,
	`shipment_type` text NOT NULL,
	`digital` integer NOT NULL,
	`paper` integer NOT NULL,
	PRIMARY KEY(`report_id`, `shipment_type`),
	FOREIGN KEY (`report_id`) REFERENCES `quality_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `maturity_scores` (
	`report_id` integer NOT NULL,
	`area` text NOT NULL,
	`score` integer,
	`comment` text,
	`evidence` text,
	PRIMARY KEY(`report_id`, `area`),
	FOREIGN KEY (`report_id`) REFERENCES `quality_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `maturity_weights` (
	`area` text PRIMARY KEY NOT NULL,
	`weight` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quality_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`instrument` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_at` text,
	`submitted_by` text,
	`decided_at` text,
	`decided_by` text,
	`return_comment` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`year`) REFERENCES `reporting_years`(`year`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quality_reports_key_idx` ON `quality_reports` (`organisation_id`,`year`,`instrument`);--> statement-breakpoint
CREATE INDEX `quality_reports_year_idx` ON `quality_reports` (`year`);--> statement-breakpoint
CREATE TABLE `satisfaction_results` (
	`report_id` integer NOT NULL,
	`kind` text NOT NULL,
	`survey_type` text NOT NULL,
	`mean_hundredths` integer NOT NULL,
	`respondents` integer NOT NULL,
	`scale_min` integer NOT NULL,
	`scale_max` integer NOT NULL,
	PRIMARY KEY(`report_id`, `kind`, `survey_type`),
	FOREIGN KEY (`report_id`) REFERENCES `quality_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `service_steps` (
	`report_id` integer NOT NULL,
	`service_code` text NOT NULL,
	`step` integer,
	`not_offered` integer DEFAULT false NOT NULL,
	`evidence` text,
	PRIMARY KEY(`report_id`, `service_code`),
	FOREIGN KEY (`report_id`) REFERENCES `quality_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
