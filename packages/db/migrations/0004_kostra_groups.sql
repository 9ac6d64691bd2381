ALTER TABLE `organisations` ADD `kostra_group` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `kostra_group_name` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `kostra_group_source` text;