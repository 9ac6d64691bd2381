CREATE TABLE `region_changes` (
	`old_code` text NOT NULL,
	`new_code` text NOT NULL,
	`occurred` text NOT NULL,
	`source` text NOT NULL,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`old_code`, `new_code`, `occurred`)
);
