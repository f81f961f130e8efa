CREATE TABLE "admin_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"task_type" text NOT NULL,
	"team_id" uuid,
	"family_id" uuid,
	"visit_id" uuid,
	"referral_id" uuid,
	"requested_by" uuid,
	"details" text,
	"status" text DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"minutes_saved" integer NOT NULL,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"claim_expires_at" timestamp with time zone,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"outcome" text,
	"reference" text,
	"artefact" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_type_settings" (
	"council_id" uuid NOT NULL,
	"task_type" text NOT NULL,
	"due_hours" integer NOT NULL,
	"minutes_saved" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_claimed_by_people_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_tasks" ADD CONSTRAINT "admin_tasks_completed_by_people_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_type_settings" ADD CONSTRAINT "task_type_settings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_tasks_source_uq" ON "admin_tasks" USING btree ("council_id","source_key");--> statement-breakpoint
CREATE INDEX "admin_tasks_queue_idx" ON "admin_tasks" USING btree ("council_id","status","due_at");--> statement-breakpoint
CREATE INDEX "admin_tasks_family_idx" ON "admin_tasks" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "admin_tasks_team_idx" ON "admin_tasks" USING btree ("council_id","team_id","completed_at");--> statement-breakpoint
CREATE INDEX "admin_tasks_requested_by_idx" ON "admin_tasks" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "admin_tasks_claimed_by_idx" ON "admin_tasks" USING btree ("claimed_by");--> statement-breakpoint
CREATE INDEX "admin_tasks_completed_by_idx" ON "admin_tasks" USING btree ("completed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "task_type_settings_pk" ON "task_type_settings" USING btree ("council_id","task_type");