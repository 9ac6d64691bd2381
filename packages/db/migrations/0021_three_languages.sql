ALTER TABLE `organisations` ADD `official_names` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `written_standard` text;--> statement-breakpoint
ALTER TABLE `users` ADD `language` text;