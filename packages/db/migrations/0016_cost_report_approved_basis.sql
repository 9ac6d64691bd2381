ALTER TABLE `cost_reports` ADD `approved_at` text;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `approved_it_user_accounts` integer;--> statement-breakpoint
ALTER TABLE `cost_reports` ADD `approved_population_override` integer;--> statement-breakpoint
UPDATE `cost_reports` SET `approved_at` = coalesce(`decided_at`, `updated_at`), `approved_it_user_accounts` = `it_user_accounts`, `approved_population_override` = `population_override` WHERE `status` = 'approved';
