CREATE TABLE "network_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"person_id" uuid,
	"link_id" uuid,
	"kind" text NOT NULL,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"partnership" text,
	"closeness" text DEFAULT 'ordinary' NOT NULL,
	"support" text DEFAULT 'none' NOT NULL,
	"good" text,
	"worries" text,
	"contact_safe" text DEFAULT 'unknown' NOT NULL,
	"since" date,
	"until" date,
	"ended_at" timestamp with time zone,
	"relationship_id" uuid,
	"ended_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"in_household" boolean DEFAULT false NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text
);
--> statement-breakpoint
CREATE TABLE "network_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sex" text,
	"kind" text DEFAULT 'family' NOT NULL,
	"role" text,
	"born_year" integer,
	"died_year" integer,
	"expected" boolean DEFAULT false NOT NULL,
	"child_id" uuid,
	"adult_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_changes" ADD CONSTRAINT "network_changes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_changes" ADD CONSTRAINT "network_changes_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_changes" ADD CONSTRAINT "network_changes_person_id_network_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."network_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_changes" ADD CONSTRAINT "network_changes_link_id_network_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."network_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_changes" ADD CONSTRAINT "network_changes_changed_by_people_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_links" ADD CONSTRAINT "network_links_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_links" ADD CONSTRAINT "network_links_from_id_network_people_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."network_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_links" ADD CONSTRAINT "network_links_to_id_network_people_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."network_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_links" ADD CONSTRAINT "network_links_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_person_id_network_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."network_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_adult_id_adults_id_fk" FOREIGN KEY ("adult_id") REFERENCES "public"."adults"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_changes_family_idx" ON "network_changes" USING btree ("council_id","family_id","changed_at");--> statement-breakpoint
CREATE INDEX "network_links_from_idx" ON "network_links" USING btree ("council_id","from_id");--> statement-breakpoint
CREATE INDEX "network_links_to_idx" ON "network_links" USING btree ("council_id","to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_links_relationship_uq" ON "network_links" USING btree ("relationship_id") WHERE relationship_id is not null;--> statement-breakpoint
CREATE INDEX "network_members_family_idx" ON "network_members" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "network_members_person_idx" ON "network_members" USING btree ("council_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_members_current_uq" ON "network_members" USING btree ("family_id","person_id") WHERE removed_at is null;--> statement-breakpoint
CREATE INDEX "network_people_council_idx" ON "network_people" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_people_child_uq" ON "network_people" USING btree ("council_id","child_id") WHERE child_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "network_people_adult_uq" ON "network_people" USING btree ("council_id","adult_id") WHERE adult_id is not null;--> statement-breakpoint
-- Every change to a family's network is kept: its history is append-only.
CREATE TRIGGER network_changes_no_update BEFORE UPDATE OR DELETE ON "network_changes"
  FOR EACH ROW EXECUTE FUNCTION hearth_plan_history_is_kept();
--> statement-breakpoint
CREATE TRIGGER network_changes_no_truncate BEFORE TRUNCATE ON "network_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_plan_history_is_kept();
--> statement-breakpoint
-- People and links are ended, never deleted.
CREATE TRIGGER network_links_no_delete BEFORE DELETE ON "network_links"
  FOR EACH ROW EXECUTE FUNCTION hearth_plan_history_is_kept();
--> statement-breakpoint
CREATE TRIGGER network_members_no_delete BEFORE DELETE ON "network_members"
  FOR EACH ROW EXECUTE FUNCTION hearth_plan_history_is_kept();
