ALTER TABLE `identity_providers` ADD `vouches_for_mfa` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `identity_providers` ADD `mfa_amr_values` text DEFAULT '["mfa","mca","otp","hwk","swk","fido"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `identity_providers` ADD `mfa_acr_values` text DEFAULT '["https://refeds.org/profile/mfa","http://schemas.openid.net/pape/policies/2007/06/multi-factor"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `identity_providers` ADD `national_roles` integer DEFAULT false NOT NULL;