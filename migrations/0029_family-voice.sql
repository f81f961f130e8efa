CREATE TABLE "family_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"adult_id" uuid,
	"child_id" uuid,
	"token_hash" text NOT NULL,
	"code_hash" text,
	"code_failures" integer DEFAULT 0 NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"hold_decision_at" timestamp with time zone,
	"hold_decision_by" uuid,
	"hold_decision" text,
	"last_opened_at" timestamp with time zone,
	"renewed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"coordinator" text,
	"invitees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"private_time" boolean DEFAULT true NOT NULL,
	"family_plan" text,
	"plan_recorded_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scale" integer,
	"words" text,
	"visit_id" uuid,
	"suits" text,
	"team_id" uuid,
	"due_at" timestamp with time zone,
	"task_id" uuid,
	"seen_at" timestamp with time zone,
	"seen_by" uuid,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_voice_settings" (
	"council_id" uuid PRIMARY KEY NOT NULL,
	"link_days" integer DEFAULT 90 NOT NULL,
	"complaints_team_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_adult_id_adults_id_fk" FOREIGN KEY ("adult_id") REFERENCES "public"."adults"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_revoked_by_people_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_hold_decision_by_people_id_fk" FOREIGN KEY ("hold_decision_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_meetings" ADD CONSTRAINT "family_meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_meetings" ADD CONSTRAINT "family_meetings_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_meetings" ADD CONSTRAINT "family_meetings_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_meetings" ADD CONSTRAINT "family_meetings_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_link_id_family_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."family_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_task_id_admin_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."admin_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_seen_by_people_id_fk" FOREIGN KEY ("seen_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_voice_settings" ADD CONSTRAINT "family_voice_settings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_voice_settings" ADD CONSTRAINT "family_voice_settings_complaints_team_id_teams_id_fk" FOREIGN KEY ("complaints_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_voice_settings" ADD CONSTRAINT "family_voice_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "family_links_token_uq" ON "family_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "family_links_council_family_idx" ON "family_links" USING btree ("council_id","family_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "family_meetings_visit_uq" ON "family_meetings" USING btree ("council_id","visit_id");--> statement-breakpoint
CREATE INDEX "family_meetings_council_family_idx" ON "family_meetings" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "family_messages_council_family_idx" ON "family_messages" USING btree ("council_id","family_id","created_at");--> statement-breakpoint
CREATE INDEX "family_messages_council_team_idx" ON "family_messages" USING btree ("council_id","team_id","created_at");--> statement-breakpoint
CREATE INDEX "family_messages_link_idx" ON "family_messages" USING btree ("link_id");--> statement-breakpoint
ALTER TABLE "family_links" ADD CONSTRAINT "family_links_one_holder" CHECK (("adult_id" IS NULL) <> ("child_id" IS NULL));--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_family_words_kept() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'family_messages are kept: what a family said is never deleted';
  END IF;
  IF NEW.kind IS DISTINCT FROM OLD.kind OR NEW.scale IS DISTINCT FROM OLD.scale
     OR NEW.words IS DISTINCT FROM OLD.words OR NEW.suits IS DISTINCT FROM OLD.suits
     OR NEW.visit_id IS DISTINCT FROM OLD.visit_id OR NEW.family_id IS DISTINCT FROM OLD.family_id
     OR NEW.link_id IS DISTINCT FROM OLD.link_id OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.council_id IS DISTINCT FROM OLD.council_id
     OR (OLD.answer IS NOT NULL AND NEW.answer IS DISTINCT FROM OLD.answer) THEN
    RAISE EXCEPTION 'family_messages are kept as the family wrote them, and an answer as given';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER family_messages_kept BEFORE UPDATE OR DELETE ON "family_messages"
  FOR EACH ROW EXECUTE FUNCTION hearth_family_words_kept();
