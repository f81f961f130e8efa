CREATE TABLE "plan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"version" integer NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"what" text NOT NULL,
	"who_kind" text NOT NULL,
	"who_id" uuid,
	"who_name" text,
	"by_date" date,
	"status" text DEFAULT 'to_do' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_changes_council_family_idx" ON "plan_changes" USING btree ("council_id","family_id","changed_at");--> statement-breakpoint
CREATE INDEX "plan_changes_item_idx" ON "plan_changes" USING btree ("council_id","item_id");--> statement-breakpoint
CREATE INDEX "plan_items_council_family_idx" ON "plan_items" USING btree ("council_id","family_id","created_at");--> statement-breakpoint
-- Every change to the plan is kept: the history is append-only, like the audit trail.
CREATE OR REPLACE FUNCTION hearth_plan_history_is_kept() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is kept as written (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_changes_no_update BEFORE UPDATE OR DELETE ON "plan_changes"
  FOR EACH ROW EXECUTE FUNCTION hearth_plan_history_is_kept();
--> statement-breakpoint
CREATE TRIGGER plan_changes_no_truncate BEFORE TRUNCATE ON "plan_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_plan_history_is_kept();
--> statement-breakpoint
-- An item is never deleted (it is marked not done, with why), and each change moves its version on by one.
CREATE OR REPLACE FUNCTION hearth_plan_items_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a plan item is kept (DELETE refused): mark it not done' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.version <> OLD.version + 1 OR NEW.family_id <> OLD.family_id OR NEW.council_id <> OLD.council_id THEN
    RAISE EXCEPTION 'a plan item changes one version at a time, in its own family' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_items_kept BEFORE UPDATE OR DELETE ON "plan_items"
  FOR EACH ROW EXECUTE FUNCTION hearth_plan_items_kept();
--> statement-breakpoint
CREATE TRIGGER plan_items_no_truncate BEFORE TRUNCATE ON "plan_items"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_plan_history_is_kept();
