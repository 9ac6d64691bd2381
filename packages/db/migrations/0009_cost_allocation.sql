ALTER TABLE `cost_reports` ADD `allocation_key` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `allocation_shares` text;