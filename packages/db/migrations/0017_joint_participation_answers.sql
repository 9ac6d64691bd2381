ALTER TABLE `project_participants` ADD `status` text DEFAULT 'invited' NOT NULL;--> statement-breakpoint
ALTER TABLE `project_participants` ADD `changed_at` text;--> statement-breakpoint
ALTER TABLE `project_participants` ADD `changed_by_name` text;--> statement-breakpoint
ALTER TABLE `idea_participants` ADD `status` text DEFAULT 'invited' NOT NULL;--> statement-breakpoint
ALTER TABLE `idea_participants` ADD `changed_at` text;--> statement-breakpoint
ALTER TABLE `idea_participants` ADD `changed_by_name` text;--> statement-breakpoint
-- Hand-written (ADR 008): municipalities named before invitations existed were taking part; they stay in.
UPDATE `project_participants` SET `status` = 'accepted';--> statement-breakpoint
UPDATE `idea_participants` SET `status` = 'accepted';
