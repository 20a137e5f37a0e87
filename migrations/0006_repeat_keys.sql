ALTER TABLE `invitations` ADD `name_key` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `handle_key` text;--> statement-breakpoint
CREATE INDEX `invitations_person` ON `invitations` (`user_id`,`platform`,`name_key`);--> statement-breakpoint
CREATE INDEX `invitations_handle` ON `invitations` (`user_id`,`platform`,`handle_key`);