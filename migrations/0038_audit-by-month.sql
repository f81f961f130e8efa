-- The audit trail grows fastest (a row for every read of a record): one table a month under a
-- partitioned `audit_events` (declarative partitioning on `at`). Searches go newest first by id
-- within a council; a date range skips the months outside it. Rows already written move across
-- in this transaction; the append-only rule (migration 0001) holds on the new table and every
-- month of it.
ALTER SEQUENCE "audit_events_id_seq" OWNED BY NONE;--> statement-breakpoint
ALTER TABLE "audit_events" RENAME TO "audit_events_before_0038";--> statement-breakpoint
ALTER TABLE "audit_events_before_0038" RENAME CONSTRAINT "audit_events_pkey" TO "audit_events_before_0038_pkey";--> statement-breakpoint
DROP INDEX "audit_council_at_idx";--> statement-breakpoint
DROP INDEX "audit_council_actor_idx";--> statement-breakpoint
DROP INDEX "audit_council_child_idx";--> statement-breakpoint
DROP INDEX "audit_council_family_idx";--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint DEFAULT nextval('audit_events_id_seq') NOT NULL,
	"council_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text,
	"family_id" uuid,
	"child_id" uuid,
	"route" text,
	"method" text,
	"ip" text,
	"request_id" text,
	"details" jsonb,
	CONSTRAINT "audit_events_pkey" PRIMARY KEY("id","at"),
	CONSTRAINT "audit_events_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id")
) PARTITION BY RANGE ("at");--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" OWNED BY "audit_events"."id";--> statement-breakpoint
CREATE INDEX "audit_council_id_idx" ON "audit_events" USING btree ("council_id","id");--> statement-breakpoint
CREATE INDEX "audit_council_actor_idx" ON "audit_events" USING btree ("council_id","actor_person_id","id");--> statement-breakpoint
CREATE INDEX "audit_council_child_idx" ON "audit_events" USING btree ("council_id","child_id","id");--> statement-breakpoint
CREATE INDEX "audit_council_family_idx" ON "audit_events" USING btree ("council_id","family_id","id");--> statement-breakpoint
-- A row whose month has no table yet (the sweep stopped for three months) is kept here, never
-- refused: an audit row that cannot be written fails the read it records.
CREATE TABLE "audit_events_default" PARTITION OF "audit_events" DEFAULT;--> statement-breakpoint
-- TRUNCATE of one month directly would not fire the whole table's trigger: each month has its own.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events_default"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_audit_is_append_only();--> statement-breakpoint
-- Months from `first` to three months after `upto` (UTC), each made once; returns how many were
-- made, each refusing TRUNCATE as the whole table does (the row triggers come from the whole
-- table by themselves). A month whose rows already sit in the default partition is left there (and not counted):
-- moving them would mean deleting from the append-only trail.
CREATE OR REPLACE FUNCTION hearth_audit_partitions(first timestamptz DEFAULT now(), upto timestamptz DEFAULT now())
RETURNS integer AS $$
DECLARE
  m timestamptz := date_trunc('month', first AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  last timestamptz := date_trunc('month', upto AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '3 months';
  made integer := 0;
  name text;
BEGIN
  WHILE m <= last LOOP
    name := 'audit_events_y' || to_char(m AT TIME ZONE 'UTC', 'YYYY') || 'm' || to_char(m AT TIME ZONE 'UTC', 'MM');
    IF to_regclass(name) IS NULL
      AND NOT EXISTS (SELECT 1 FROM audit_events_default WHERE at >= m AND at < m + interval '1 month') THEN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)',
        name, m, m + interval '1 month'
      );
      EXECUTE format(
        'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %I '
        'FOR EACH STATEMENT EXECUTE FUNCTION hearth_audit_is_append_only()',
        name
      );
      made := made + 1;
    END IF;
    m := m + interval '1 month';
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
SELECT hearth_audit_partitions(coalesce((SELECT min(at) FROM "audit_events_before_0038"), now()), now());--> statement-breakpoint
INSERT INTO "audit_events" SELECT * FROM "audit_events_before_0038";--> statement-breakpoint
DROP TABLE "audit_events_before_0038";--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION hearth_audit_is_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_audit_is_append_only();
