DROP INDEX "people_email_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "people_council_email_uq" ON "people" USING btree ("council_id","email");--> statement-breakpoint
CREATE INDEX "people_email_idx" ON "people" USING btree ("email");