CREATE TABLE "visit_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visit_changes" ADD CONSTRAINT "visit_changes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_changes" ADD CONSTRAINT "visit_changes_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visit_changes_visit_idx" ON "visit_changes" USING btree ("council_id","visit_id","changed_at");--> statement-breakpoint
-- How each visit stood before every change, whoever makes it (a route, a job, SQL by hand): the
-- family's link shows a visit as it stood when contact was first held (#31).
CREATE OR REPLACE FUNCTION hearth_keep_visit_change() RETURNS trigger AS $$
BEGIN
  IF (OLD.starts_at, OLD.duration_minutes, OLD.place, OLD.status, OLD.last_change_reason)
     IS DISTINCT FROM (NEW.starts_at, NEW.duration_minutes, NEW.place, NEW.status, NEW.last_change_reason) THEN
    INSERT INTO visit_changes (council_id, visit_id, before)
    VALUES (OLD.council_id, OLD.id, jsonb_build_object(
      'startsAt', OLD.starts_at, 'durationMinutes', OLD.duration_minutes, 'place', OLD.place,
      'status', OLD.status, 'lastChangeReason', OLD.last_change_reason));
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER visits_keep_changes AFTER UPDATE ON "visits"
  FOR EACH ROW EXECUTE FUNCTION hearth_keep_visit_change();
--> statement-breakpoint
-- The history is kept as written, like the plan's.
CREATE TRIGGER visit_changes_no_update BEFORE UPDATE OR DELETE ON "visit_changes"
  FOR EACH ROW EXECUTE FUNCTION hearth_plan_history_is_kept();
--> statement-breakpoint
CREATE TRIGGER visit_changes_no_truncate BEFORE TRUNCATE ON "visit_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_plan_history_is_kept();
--> statement-breakpoint
-- A council being moved refuses writes here too (migration 0040).
CREATE TRIGGER hearth_frozen_guard BEFORE INSERT OR UPDATE OR DELETE ON "visit_changes"
  FOR EACH ROW EXECUTE FUNCTION hearth_refuse_frozen();
