CREATE TABLE `reminders` (
	`triage_id` integer PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`send_at` integer,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_by` text,
	`claimed_at` integer,
	`sent_at` integer,
	`nudged` integer DEFAULT false NOT NULL,
	`error` text,
	FOREIGN KEY (`triage_id`) REFERENCES `triages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reminders_due` ON `reminders` (`status`,`send_at`);--> statement-breakpoint
CREATE INDEX `reminders_user` ON `reminders` (`user_id`);