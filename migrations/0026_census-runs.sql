CREATE TABLE "census_query_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"accepted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "census_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"collection_year" integer NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"children_total" integer DEFAULT 0 NOT NULL,
	"children_done" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"xml" text,
	"report" jsonb,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "census_query_reasons" ADD CONSTRAINT "census_query_reasons_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_query_reasons" ADD CONSTRAINT "census_query_reasons_run_id_census_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."census_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_query_reasons" ADD CONSTRAINT "census_query_reasons_accepted_by_people_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_runs" ADD CONSTRAINT "census_runs_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_runs" ADD CONSTRAINT "census_runs_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "census_query_reasons_once_uq" ON "census_query_reasons" USING btree ("run_id","code");--> statement-breakpoint
CREATE INDEX "census_runs_council_idx" ON "census_runs" USING btree ("council_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "census_runs_one_active_uq" ON "census_runs" USING btree ("council_id") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE TRIGGER census_query_reasons_kept BEFORE UPDATE OR DELETE ON "census_query_reasons"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
