ALTER TABLE `indicator_values` ADD `approved_numerator` integer;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `approved_denominator` integer;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `approved_is_demo` integer;