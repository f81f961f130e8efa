-- Search (#21): trigram similarity (pg_trgm) and sound keys (fuzzystrmatch), both trusted
-- extensions on PostgreSQL 13+ and loaded by PGlite too. Indexes for the search box's lookups.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_first_trgm_idx" ON "children" USING gin (lower("first_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_last_trgm_idx" ON "children" USING gin (lower("last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_first_sound_idx" ON "children" ("council_id", soundex("first_name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_last_sound_idx" ON "children" ("council_id", soundex("last_name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_council_dob_idx" ON "children" ("council_id", "date_of_birth");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_council_nhs_idx" ON "children" ("council_id", "nhs_number");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_council_upn_idx" ON "children" ("council_id", upper("upn"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "children_council_lachildid_idx" ON "children" ("council_id", upper("la_child_id"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "adults_name_trgm_idx" ON "adults" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "adults_first_sound_idx" ON "adults" ("council_id", soundex(split_part("name", ' ', 1)));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "adults_last_sound_idx" ON "adults" ("council_id", soundex(regexp_replace("name", '^.*\s', '')));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "families_name_trgm_idx" ON "families" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_name_trgm_idx" ON "people" USING gin (lower("name") gin_trgm_ops);
