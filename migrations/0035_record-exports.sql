CREATE TABLE "record_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"sar_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"steps_total" integer DEFAULT 0 NOT NULL,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"pdf" "bytea",
	"json" "bytea",
	"csv_zip" "bytea",
	"counts" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "sar_redactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"sar_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"row_id" text NOT NULL,
	"field" text NOT NULL,
	"passage" text,
	"reason" text NOT NULL,
	"fixed" boolean DEFAULT false NOT NULL,
	"decision" text,
	"why" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subject_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"family_id" uuid NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'gathering' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_on" date,
	"sent_by" uuid,
	"due_soon_alerted_on" date,
	"overdue_alerted_on" date
);
--> statement-breakpoint
ALTER TABLE "record_exports" ADD CONSTRAINT "record_exports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_exports" ADD CONSTRAINT "record_exports_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_exports" ADD CONSTRAINT "record_exports_sar_id_subject_access_requests_id_fk" FOREIGN KEY ("sar_id") REFERENCES "public"."subject_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_exports" ADD CONSTRAINT "record_exports_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_redactions" ADD CONSTRAINT "sar_redactions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_redactions" ADD CONSTRAINT "sar_redactions_sar_id_subject_access_requests_id_fk" FOREIGN KEY ("sar_id") REFERENCES "public"."subject_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_redactions" ADD CONSTRAINT "sar_redactions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_sent_by_people_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_exports_council_family_idx" ON "record_exports" USING btree ("council_id","family_id","created_at");--> statement-breakpoint
CREATE INDEX "sar_redactions_council_sar_idx" ON "sar_redactions" USING btree ("council_id","sar_id");--> statement-breakpoint
CREATE INDEX "sar_council_status_idx" ON "subject_access_requests" USING btree ("council_id","status","due_on");--> statement-breakpoint
CREATE INDEX "sar_council_family_idx" ON "subject_access_requests" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "sar_reference_seq";--> statement-breakpoint
CREATE UNIQUE INDEX "sar_council_reference_uq" ON "subject_access_requests" ("council_id", "reference");--> statement-breakpoint
ALTER TABLE "sar_redactions" ADD CONSTRAINT "sar_redactions_fixed_withheld" CHECK (NOT ("fixed" AND "decision" = 'release'));
