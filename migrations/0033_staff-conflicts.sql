CREATE TABLE "staff_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text
);
--> statement-breakpoint
ALTER TABLE "staff_conflicts" ADD CONSTRAINT "staff_conflicts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_conflicts" ADD CONSTRAINT "staff_conflicts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_conflicts" ADD CONSTRAINT "staff_conflicts_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_conflicts" ADD CONSTRAINT "staff_conflicts_ended_by_people_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_conflicts_council_person_idx" ON "staff_conflicts" USING btree ("council_id","person_id");--> statement-breakpoint
CREATE INDEX "staff_conflicts_council_family_idx" ON "staff_conflicts" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_conflict_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.ended_at IS NOT NULL
     OR NEW.person_id IS DISTINCT FROM OLD.person_id OR NEW.family_id IS DISTINCT FROM OLD.family_id
     OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.council_id IS DISTINCT FROM OLD.council_id THEN
    RAISE EXCEPTION 'staff_conflicts are kept: a declaration is only ended, once, with why' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER staff_conflicts_kept BEFORE UPDATE OR DELETE ON "staff_conflicts"
  FOR EACH ROW EXECUTE FUNCTION hearth_conflict_kept();
