CREATE TABLE `answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`triage_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`choice` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`triage_id`) REFERENCES `triages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_once` ON `answers` (`triage_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `budgets` (
	`user_id` integer NOT NULL,
	`platform` text NOT NULL,
	`weekly_minutes` integer NOT NULL,
	`expectation` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `platform`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`triage_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`platform` text NOT NULL,
	`outcome` text NOT NULL,
	`decided_by` text,
	`reasons` text NOT NULL,
	`explanation` text NOT NULL,
	`decided_at` integer NOT NULL,
	`superseded_at` integer,
	FOREIGN KEY (`triage_id`) REFERENCES `triages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decisions_user_decided` ON `decisions` (`user_id`,`decided_at`);--> statement-breakpoint
CREATE INDEX `decisions_triage` ON `decisions` (`triage_id`);--> statement-breakpoint
CREATE TABLE `digest_claims` (
	`user_id` integer NOT NULL,
	`week` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_by` text,
	`claimed_at` integer NOT NULL,
	`next_attempt_at` integer,
	`sent_at` integer,
	`error` text,
	PRIMARY KEY(`user_id`, `week`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`platform` text,
	`inviter` text,
	`context` text DEFAULT '{}' NOT NULL,
	`text` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invitations_user` ON `invitations` (`user_id`);--> statement-breakpoint
CREATE TABLE `policy_overrides` (
	`scope` text NOT NULL,
	`owner` text NOT NULL,
	`platform` text NOT NULL,
	`criteria` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `owner`, `platform`)
);
--> statement-breakpoint
CREATE TABLE `seen_events` (
	`key` text PRIMARY KEY NOT NULL,
	`seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `slack_installations` (
	`key` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `team_guidance` (
	`team` text PRIMARY KEY NOT NULL,
	`work_hours_ok` integer DEFAULT true NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `time_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`platform` text NOT NULL,
	`minutes` integer NOT NULL,
	`place` text,
	`logged_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `time_logs_user_logged` ON `time_logs` (`user_id`,`logged_at`);--> statement-breakpoint
CREATE TABLE `triages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`invitation_id` integer NOT NULL,
	`status` text NOT NULL,
	`state` text NOT NULL,
	`outcome` text,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `triages_user_status` ON `triages` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `triages_user_updated` ON `triages` (`user_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`workspace` text NOT NULL,
	`external_id` text NOT NULL,
	`timezone` text,
	`prefs` text DEFAULT '{}' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_identity` ON `users` (`provider`,`workspace`,`external_id`);