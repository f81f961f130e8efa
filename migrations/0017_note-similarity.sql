ALTER TABLE "councils" ADD COLUMN "note_similarity_threshold" real DEFAULT 0.33 NOT NULL;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "signature" "bytea";--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "kept_similar" jsonb;