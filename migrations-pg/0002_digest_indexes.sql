DROP INDEX "time_logs_user_logged";--> statement-breakpoint
CREATE INDEX "decisions_current" ON "decisions" USING btree ("user_id","decided_at","platform","outcome") WHERE "decisions"."superseded_at" IS NULL;--> statement-breakpoint
CREATE INDEX "triages_deferred" ON "triages" USING btree ("user_id","updated_at","id") WHERE "triages"."status" = 'decided' AND "triages"."outcome" = 'defer';--> statement-breakpoint
CREATE INDEX "time_logs_user_logged" ON "time_logs" USING btree ("user_id","logged_at","platform","place","minutes");