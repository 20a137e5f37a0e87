ALTER TABLE "invitations" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "handle_key" text;--> statement-breakpoint
CREATE INDEX "invitations_person" ON "invitations" USING btree ("user_id","platform","name_key");--> statement-breakpoint
CREATE INDEX "invitations_handle" ON "invitations" USING btree ("user_id","platform","handle_key");