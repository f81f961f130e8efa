CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"referral_date" date NOT NULL,
	"started_on" date NOT NULL,
	"authorised_on" date,
	"factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"started_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_started_by_people_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_council_family_idx" ON "assessments" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_open_uq" ON "assessments" USING btree ("child_id") WHERE authorised_on is null;--> statement-breakpoint
-- An assessment is never deleted, and once finished (authorised) it is kept as written.
CREATE OR REPLACE FUNCTION hearth_assessments_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.authorised_on IS NOT NULL THEN
    RAISE EXCEPTION 'a finished assessment is kept as written (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessments_kept BEFORE UPDATE OR DELETE ON "assessments"
  FOR EACH ROW EXECUTE FUNCTION hearth_assessments_kept();
