CREATE TABLE "note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"visit_id" uuid,
	"author_id" uuid NOT NULL,
	"team_id" uuid,
	"kind" text NOT NULL,
	"happened_at" timestamp with time zone NOT NULL,
	"place" text,
	"direct_minutes" integer DEFAULT 0 NOT NULL,
	"appointment" text DEFAULT 'on_time' NOT NULL,
	"late_minutes" integer,
	"children" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"others_present" text,
	"working_well" text,
	"worries" text,
	"needs_to_happen" text,
	"family_words" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalised_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_addenda_council_note_idx" ON "note_addenda" USING btree ("council_id","note_id");--> statement-breakpoint
CREATE INDEX "notes_council_family_idx" ON "notes" USING btree ("council_id","family_id","happened_at");--> statement-breakpoint
CREATE INDEX "notes_council_author_idx" ON "notes" USING btree ("council_id","author_id","status");--> statement-breakpoint
-- A finalised note is never changed or deleted: corrections are addenda. Drafts are their author's to change.
CREATE OR REPLACE FUNCTION hearth_final_notes_are_kept() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'a finalised note is kept as written (% refused): add an addendum', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER notes_final_kept BEFORE UPDATE OR DELETE ON "notes"
  FOR EACH ROW EXECUTE FUNCTION hearth_final_notes_are_kept();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_addenda_are_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'note_addenda is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER note_addenda_no_change BEFORE UPDATE OR DELETE ON "note_addenda"
  FOR EACH ROW EXECUTE FUNCTION hearth_addenda_are_append_only();
--> statement-breakpoint
CREATE TRIGGER note_addenda_no_truncate BEFORE TRUNCATE ON "note_addenda"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_addenda_are_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_notes_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'notes cannot be truncated' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER notes_no_truncate BEFORE TRUNCATE ON "notes"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_notes_no_truncate();
