CREATE TABLE "sharing_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"information" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"reason" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sharing_decisions" ADD CONSTRAINT "sharing_decisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_decisions" ADD CONSTRAINT "sharing_decisions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_decisions" ADD CONSTRAINT "sharing_decisions_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_decisions" ADD CONSTRAINT "sharing_decisions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sharing_decisions_council_child_idx" ON "sharing_decisions" USING btree ("council_id","child_id","decided_on");--> statement-breakpoint
CREATE INDEX "sharing_decisions_council_family_idx" ON "sharing_decisions" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "sharing_decisions_council_on_idx" ON "sharing_decisions" USING btree ("council_id","decided_on");--> statement-breakpoint
CREATE TRIGGER sharing_decisions_kept BEFORE UPDATE OR DELETE ON "sharing_decisions"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
