ALTER TABLE "children" ADD COLUMN "upn_unknown" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "disabilities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "date_of_death" date;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_upn_unknown_check" CHECK ("upn_unknown" IS NULL OR "upn_unknown" IN ('UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'));
