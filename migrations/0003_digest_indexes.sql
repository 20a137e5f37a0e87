DROP INDEX `time_logs_user_logged`;--> statement-breakpoint
CREATE INDEX `time_logs_user_logged` ON `time_logs` (`user_id`,`logged_at`,`platform`,`place`,`minutes`);--> statement-breakpoint
CREATE INDEX `decisions_current` ON `decisions` (`user_id`,`decided_at`,`platform`,`outcome`) WHERE "decisions"."superseded_at" IS NULL;--> statement-breakpoint
CREATE INDEX `triages_deferred` ON `triages` (`user_id`,`updated_at`,`id`) WHERE "triages"."status" = 'decided' AND "triages"."outcome" = 'defer';