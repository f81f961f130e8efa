CREATE TABLE "bank_holidays" (
	"council_id" uuid NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"open_case" boolean DEFAULT false NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_children" (
	"council_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"linked" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid NOT NULL,
	"source" text NOT NULL,
	"referrer_name" text,
	"referrer_organisation" text,
	"referrer_contact" text,
	"worries" text NOT NULL,
	"family_knowledge" text,
	"family_consent" text DEFAULT 'unknown' NOT NULL,
	"family_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'awaiting_decision' NOT NULL,
	"decision" text,
	"decision_reasons" text,
	"primary_need_code" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"open_case_team_id" uuid,
	"routing_status" text DEFAULT 'not_needed' NOT NULL,
	"routing_note" text,
	"routed_team_id" uuid,
	"routed_at" timestamp with time zone,
	"idempotency_key" text,
	"request_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_holidays" ADD CONSTRAINT "bank_holidays_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_children" ADD CONSTRAINT "referral_children_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_children" ADD CONSTRAINT "referral_children_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_children" ADD CONSTRAINT "referral_children_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_received_by_people_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_open_case_team_id_teams_id_fk" FOREIGN KEY ("open_case_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_routed_team_id_teams_id_fk" FOREIGN KEY ("routed_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_holidays_pk" ON "bank_holidays" USING btree ("council_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_council_referral_uq" ON "offers" USING btree ("council_id","referral_id");--> statement-breakpoint
CREATE INDEX "offers_council_team_status_idx" ON "offers" USING btree ("council_id","team_id","status","offered_at");--> statement-breakpoint
CREATE INDEX "offers_council_family_idx" ON "offers" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_children_pk" ON "referral_children" USING btree ("council_id","referral_id","child_id");--> statement-breakpoint
CREATE INDEX "referral_children_child_idx" ON "referral_children" USING btree ("council_id","child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_council_reference_uq" ON "referrals" USING btree ("council_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_council_idempotency_uq" ON "referrals" USING btree ("council_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "referrals_council_status_due_idx" ON "referrals" USING btree ("council_id","status","due_at");--> statement-breakpoint
CREATE INDEX "referrals_council_routing_idx" ON "referrals" USING btree ("council_id","routing_status");--> statement-breakpoint
CREATE INDEX "referrals_council_family_idx" ON "referrals" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "referrals_received_by_idx" ON "referrals" USING btree ("received_by");--> statement-breakpoint
CREATE INDEX "referrals_decided_by_idx" ON "referrals" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "referrals_open_case_team_idx" ON "referrals" USING btree ("open_case_team_id");--> statement-breakpoint
CREATE INDEX "referrals_routed_team_idx" ON "referrals" USING btree ("routed_team_id");