ALTER TABLE `organisations` ADD `area_km2` real;--> statement-breakpoint
ALTER TABLE `organisations` ADD `require_four_eyes` integer DEFAULT false NOT NULL;