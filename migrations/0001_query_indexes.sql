CREATE INDEX `seen_events_seen` ON `seen_events` (`seen_at`);--> statement-breakpoint
CREATE INDEX `triages_invitation` ON `triages` (`invitation_id`);