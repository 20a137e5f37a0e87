DROP INDEX "reminders_due";--> statement-breakpoint
CREATE INDEX "reminders_pending" ON "reminders" USING btree ("send_at") WHERE "reminders"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "reminders_claimed" ON "reminders" USING btree ("claimed_at") WHERE "reminders"."status" = 'claimed';