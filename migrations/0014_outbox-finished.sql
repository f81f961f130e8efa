ALTER TABLE "outbox" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_unfinished_idx" ON "outbox" USING btree ("dispatched_at") WHERE finished_at is null and dispatched_at is not null;--> statement-breakpoint
-- Rows handed over before this release are taken as finished (their jobs ran, or are on the dead-letter list).
UPDATE "outbox" SET "finished_at" = "dispatched_at" WHERE "dispatched_at" IS NOT NULL;
