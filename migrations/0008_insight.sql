CREATE TABLE "commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"need" text NOT NULL,
	"why" text NOT NULL,
	"family_view" text NOT NULL,
	"weeks" integer NOT NULL,
	"budget_pence" integer NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"provider_name" text,
	"service_id" uuid,
	"weekly_pence" integer,
	"start_date" date,
	"end_date" date,
	"commissioned_at" timestamp with time zone,
	"proposal_id" uuid
);
--> statement-breakpoint
CREATE TABLE "directory_cost_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"oruk_id" text NOT NULL,
	"service_id" uuid NOT NULL,
	"option" text NOT NULL,
	"amount_pence" integer,
	"amount_description" text,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "directory_eligibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"oruk_id" text NOT NULL,
	"service_id" uuid NOT NULL,
	"eligibility" text NOT NULL,
	"minimum_age" integer,
	"maximum_age" integer
);
--> statement-breakpoint
CREATE TABLE "directory_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"oruk_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"address_1" text,
	"city" text,
	"postal_code" text,
	"latitude" text,
	"longitude" text,
	"addresses" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"oruk_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"email" text,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_service_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"oruk_id" text NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"oruk_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"url" text,
	"email" text,
	"status" text NOT NULL,
	"how_to_refer" text,
	"attending_access" text,
	"fees" text,
	"taxonomies" jsonb NOT NULL,
	"service_areas" jsonb NOT NULL,
	"needs" text[] NOT NULL,
	"areas" text[] NOT NULL,
	"waiting_weeks" integer,
	"capacity_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"status" text NOT NULL,
	"on_date" date NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"team_id" uuid NOT NULL,
	"family_id" uuid,
	"question" text NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"session_at" timestamp with time zone,
	"session_minutes" integer,
	"attendees" text,
	"advice" text,
	"advice_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "insight_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"wait_working_days" integer NOT NULL,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "commission_id" uuid;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_asked_by_people_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_taken_by_people_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_cost_options" ADD CONSTRAINT "directory_cost_options_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_cost_options" ADD CONSTRAINT "directory_cost_options_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_eligibility" ADD CONSTRAINT "directory_eligibility_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_eligibility" ADD CONSTRAINT "directory_eligibility_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_locations" ADD CONSTRAINT "directory_locations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_organisations" ADD CONSTRAINT "directory_organisations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_locations" ADD CONSTRAINT "directory_service_locations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_locations" ADD CONSTRAINT "directory_service_locations_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_locations" ADD CONSTRAINT "directory_service_locations_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_services" ADD CONSTRAINT "directory_services_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_services" ADD CONSTRAINT "directory_services_organisation_id_directory_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."directory_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_requests" ADD CONSTRAINT "insight_requests_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_requests" ADD CONSTRAINT "insight_requests_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_requests" ADD CONSTRAINT "insight_requests_family_id_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_requests" ADD CONSTRAINT "insight_requests_asked_by_people_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_requests" ADD CONSTRAINT "insight_requests_taken_by_people_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_settings" ADD CONSTRAINT "insight_settings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_settings" ADD CONSTRAINT "insight_settings_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commissions_queue_idx" ON "commissions" USING btree ("council_id","status","asked_at");--> statement-breakpoint
CREATE INDEX "commissions_family_idx" ON "commissions" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "commissions_team_idx" ON "commissions" USING btree ("council_id","team_id");--> statement-breakpoint
CREATE INDEX "commissions_asked_by_idx" ON "commissions" USING btree ("asked_by");--> statement-breakpoint
CREATE INDEX "commissions_taken_by_idx" ON "commissions" USING btree ("taken_by");--> statement-breakpoint
CREATE INDEX "commissions_service_idx" ON "commissions" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_cost_options_service_idx" ON "directory_cost_options" USING btree ("council_id","service_id");--> statement-breakpoint
CREATE INDEX "directory_eligibility_service_idx" ON "directory_eligibility" USING btree ("council_id","service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_locations_oruk_uq" ON "directory_locations" USING btree ("council_id","oruk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_organisations_oruk_uq" ON "directory_organisations" USING btree ("council_id","oruk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_service_locations_uq" ON "directory_service_locations" USING btree ("council_id","service_id","location_id");--> statement-breakpoint
CREATE INDEX "directory_service_locations_location_idx" ON "directory_service_locations" USING btree ("location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_services_oruk_uq" ON "directory_services" USING btree ("council_id","oruk_id");--> statement-breakpoint
CREATE INDEX "directory_services_org_idx" ON "directory_services" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "family_services_family_idx" ON "family_services" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "family_services_service_idx" ON "family_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "family_services_recorded_by_idx" ON "family_services" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "insight_requests_queue_idx" ON "insight_requests" USING btree ("council_id","status","asked_at");--> statement-breakpoint
CREATE INDEX "insight_requests_team_idx" ON "insight_requests" USING btree ("council_id","team_id","asked_at");--> statement-breakpoint
CREATE INDEX "insight_requests_family_idx" ON "insight_requests" USING btree ("council_id","family_id");--> statement-breakpoint
CREATE INDEX "insight_requests_asked_by_idx" ON "insight_requests" USING btree ("asked_by");--> statement-breakpoint
CREATE INDEX "insight_requests_taken_by_idx" ON "insight_requests" USING btree ("taken_by");--> statement-breakpoint
CREATE INDEX "insight_settings_council_idx" ON "insight_settings" USING btree ("council_id","created_at");--> statement-breakpoint
CREATE INDEX "insight_settings_set_by_idx" ON "insight_settings" USING btree ("set_by");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_commission_uq" ON "proposals" USING btree ("commission_id");--> statement-breakpoint
UPDATE "offers" o SET "held_at" = coalesce((SELECT min(a."started_at") FROM "allocations" a WHERE a."council_id" = o."council_id" AND a."family_id" = o."family_id" AND a."team_id" = o."team_id" AND a."role" = 'lead' AND a."started_at" >= o."offered_at"), o."offered_at") WHERE o."status" = 'held';
