CREATE TABLE "break_glass" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "restricted_to" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "restricted_reason" text;--> statement-breakpoint
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_council_person_idx" ON "break_glass" USING btree ("council_id","person_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_council_family_idx" ON "break_glass" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE TRIGGER break_glass_kept BEFORE UPDATE OR DELETE ON "break_glass"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
