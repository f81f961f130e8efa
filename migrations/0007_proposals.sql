CREATE TABLE "proposal_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"decided_by" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reasons_for_team" text NOT NULL,
	"reasons_for_family" text,
	"round" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"what" text NOT NULL,
	"for_whom" text NOT NULL,
	"why" text NOT NULL,
	"weekly_pence" integer NOT NULL,
	"weeks" integer NOT NULL,
	"total_pence" integer NOT NULL,
	"alternatives" text NOT NULL,
	"family_view" text NOT NULL,
	"conversation_stage" integer NOT NULL,
	"route" text NOT NULL,
	"sign_off_pence_at_submission" integer NOT NULL,
	"approvals_needed" integer NOT NULL,
	"status" text NOT NULL,
	"decision_due_date" date,
	"decision_due_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"review_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"sign_off_pence" integer NOT NULL,
	"second_approver_pence" integer NOT NULL,
	"decision_working_days" integer NOT NULL,
	"set_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposal_decisions" ADD CONSTRAINT "proposal_decisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_decisions" ADD CONSTRAINT "proposal_decisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_decisions" ADD CONSTRAINT "proposal_decisions_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposed_by_people_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_thresholds" ADD CONSTRAINT "spend_thresholds_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spend_thresholds" ADD CONSTRAINT "spend_thresholds_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_decisions_proposal_idx" ON "proposal_decisions" USING btree ("council_id","proposal_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_decisions_one_each_uq" ON "proposal_decisions" USING btree ("proposal_id","round","decided_by");--> statement-breakpoint
CREATE INDEX "proposal_decisions_decided_by_idx" ON "proposal_decisions" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "proposals_council_status_idx" ON "proposals" USING btree ("council_id","status","decision_due_at");--> statement-breakpoint
CREATE INDEX "proposals_council_team_idx" ON "proposals" USING btree ("council_id","team_id");--> statement-breakpoint
CREATE INDEX "proposals_family_idx" ON "proposals" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "proposals_proposed_by_idx" ON "proposals" USING btree ("proposed_by");--> statement-breakpoint
CREATE INDEX "spend_thresholds_council_idx" ON "spend_thresholds" USING btree ("council_id","set_at");--> statement-breakpoint
CREATE INDEX "spend_thresholds_set_by_idx" ON "spend_thresholds" USING btree ("set_by");--> statement-breakpoint
CREATE TRIGGER proposal_decisions_no_update BEFORE UPDATE OR DELETE ON "proposal_decisions"
  FOR EACH ROW EXECUTE FUNCTION hearth_audit_is_append_only();
--> statement-breakpoint
CREATE TRIGGER spend_thresholds_no_update BEFORE UPDATE OR DELETE ON "spend_thresholds"
  FOR EACH ROW EXECUTE FUNCTION hearth_audit_is_append_only();
