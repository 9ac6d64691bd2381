CREATE TABLE `app_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
