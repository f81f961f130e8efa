CREATE TABLE "annex_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"children_total" integer DEFAULT 0 NOT NULL,
	"children_done" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"file" "bytea",
	"lists" jsonb,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "annex_runs" ADD CONSTRAINT "annex_runs_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_runs" ADD CONSTRAINT "annex_runs_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annex_runs_council_idx" ON "annex_runs" USING btree ("council_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "annex_runs_one_active_uq" ON "annex_runs" USING btree ("council_id") WHERE status in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "annex_runs" ADD CONSTRAINT "annex_runs_period_check" CHECK ("to_date" >= "from_date");
