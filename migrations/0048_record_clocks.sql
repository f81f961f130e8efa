-- One clock model (#34): a referral's decision, a complaint's answer and a subject access request's
-- copy run as clock_dues rows like every other clock (record_id names the record; child_id is for
-- a child's steps), so the one sweep raises their alerts. The clocks already running are carried
-- over, with the request alerts already raised, before the request's own alert columns go.
ALTER TABLE "clock_dues" ALTER COLUMN "child_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clock_dues" ADD COLUMN "record_id" uuid;--> statement-breakpoint
INSERT INTO "clock_dues" ("council_id", "key", "family_id", "clock", "start_on", "due_on", "record_id")
  SELECT "council_id", 'referral_decision:' || "id", "family_id", 'referral_decision',
    ("received_at" AT TIME ZONE 'Europe/London')::date, "due_date", "id"
  FROM "referrals" WHERE "status" = 'awaiting_decision'
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "clock_dues" ("council_id", "key", "family_id", "clock", "start_on", "due_on", "record_id")
  SELECT "council_id", 'complaint_stage_1:' || "id", "family_id", 'complaint_stage_1',
    ("created_at" AT TIME ZONE 'Europe/London')::date, ("due_at" AT TIME ZONE 'Europe/London')::date - 1, "id"
  FROM "family_messages" WHERE "kind" = 'complaint' AND "answer" IS NULL AND "due_at" IS NOT NULL
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "clock_dues" ("council_id", "key", "family_id", "clock", "start_on", "due_on", "record_id", "alerted_on")
  SELECT "council_id", 'subject_access:' || "id", "family_id", 'subject_access', "received_on", "due_on", "id",
    coalesce("overdue_alerted_on", "due_soon_alerted_on")
  FROM "subject_access_requests" WHERE "status" <> 'sent'
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "clock_alerts" ("council_id", "key", "due_on", "level", "family_id", "raised_on")
  SELECT "council_id", 'subject_access:' || "id", "due_on", l.level, "family_id", l.raised_on
  FROM "subject_access_requests",
    LATERAL (VALUES ('due_soon', "due_soon_alerted_on"), ('overdue', "overdue_alerted_on")) AS l(level, raised_on)
  WHERE "status" <> 'sent' AND l.raised_on IS NOT NULL
  ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "subject_access_requests" DROP COLUMN "due_soon_alerted_on";--> statement-breakpoint
ALTER TABLE "subject_access_requests" DROP COLUMN "overdue_alerted_on";--> statement-breakpoint
ALTER TABLE "clock_dues" ADD CONSTRAINT "clock_dues_runs_on_ck" CHECK ("clock_dues"."child_id" is not null or "clock_dues"."record_id" is not null);
