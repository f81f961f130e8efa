CREATE TABLE "case_step_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"changed_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"end_date" date,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clock_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"key" text NOT NULL,
	"due_on" date NOT NULL,
	"level" text NOT NULL,
	"family_id" uuid NOT NULL,
	"raised_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clock_dues" (
	"council_id" uuid NOT NULL,
	"key" text NOT NULL,
	"family_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"start_on" date NOT NULL,
	"due_on" date NOT NULL,
	"step_id" uuid,
	"assessment_id" uuid,
	CONSTRAINT "clock_dues_council_id_key_pk" PRIMARY KEY("council_id","key")
);
--> statement-breakpoint
CREATE TABLE "clock_lengths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"length" integer NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_step_changes" ADD CONSTRAINT "case_step_changes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_step_changes" ADD CONSTRAINT "case_step_changes_step_id_case_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."case_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_step_changes" ADD CONSTRAINT "case_step_changes_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_alerts" ADD CONSTRAINT "clock_alerts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_alerts" ADD CONSTRAINT "clock_alerts_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_dues" ADD CONSTRAINT "clock_dues_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_dues" ADD CONSTRAINT "clock_dues_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_dues" ADD CONSTRAINT "clock_dues_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_lengths" ADD CONSTRAINT "clock_lengths_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clock_lengths" ADD CONSTRAINT "clock_lengths_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_step_changes_step_idx" ON "case_step_changes" USING btree ("council_id","step_id");--> statement-breakpoint
CREATE INDEX "case_steps_council_child_idx" ON "case_steps" USING btree ("council_id","child_id");--> statement-breakpoint
CREATE INDEX "case_steps_council_family_idx" ON "case_steps" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clock_alerts_once_uq" ON "clock_alerts" USING btree ("council_id","key","due_on","level");--> statement-breakpoint
CREATE INDEX "clock_alerts_family_idx" ON "clock_alerts" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "clock_dues_council_due_idx" ON "clock_dues" USING btree ("council_id","due_on");--> statement-breakpoint
CREATE INDEX "clock_dues_council_family_idx" ON "clock_dues" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "clock_dues_child_idx" ON "clock_dues" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "clock_lengths_council_idx" ON "clock_lengths" USING btree ("council_id","clock","created_at");--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_kind_check" CHECK ("kind" IN ('episode', 'strategy_discussion', 's47', 'conference', 'cp_plan', 'core_group', 'statutory_visit', 'cin_plan', 'cin_review', 'looked_after', 'placement', 'lac_review', 'pre_proceedings'));--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_dates_check" CHECK ("end_date" IS NULL OR "end_date" >= "on_date");--> statement-breakpoint
ALTER TABLE "clock_alerts" ADD CONSTRAINT "clock_alerts_level_check" CHECK ("level" IN ('due_soon', 'overdue'));--> statement-breakpoint
ALTER TABLE "clock_lengths" ADD CONSTRAINT "clock_lengths_length_check" CHECK ("length" BETWEEN 0 AND 400);--> statement-breakpoint
-- A step is corrected, never deleted; its corrections, the alerts raised and the clock lengths a
-- council set are kept as written.
CREATE OR REPLACE FUNCTION hearth_kept_as_written() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is kept as written (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_steps_not_deleted BEFORE DELETE ON "case_steps"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
--> statement-breakpoint
CREATE TRIGGER case_step_changes_kept BEFORE UPDATE OR DELETE ON "case_step_changes"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
--> statement-breakpoint
CREATE TRIGGER clock_alerts_kept BEFORE UPDATE OR DELETE ON "clock_alerts"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
--> statement-breakpoint
CREATE TRIGGER clock_lengths_kept BEFORE UPDATE OR DELETE ON "clock_lengths"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
