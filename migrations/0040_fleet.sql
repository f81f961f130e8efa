-- Councils placed on a fleet of PostgreSQL servers (packages/db/src/fleet.ts, docs/scale.md).
--
-- `council_placements` (read on the home server, the one DATABASE_URL names): which server holds
-- which council. A council with no row is on the home server, so one server needs no rows at all.
-- Every API and worker process keeps the table in memory and hears each change (NOTIFY).
CREATE TABLE "council_placements" (
  "council_id" uuid PRIMARY KEY NOT NULL,
  "server" text NOT NULL CHECK ("server" ~ '^[a-z][a-z0-9_-]{0,39}$'),
  -- the server the council was moved from, kept read-only there until the move is confirmed
  "moved_from" text,
  "moved_at" timestamptz,
  "confirmed_at" timestamptz
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_placement_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('hearth_placement', 'changed');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER council_placements_changed AFTER INSERT OR UPDATE OR DELETE ON "council_placements"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_placement_changed();
--> statement-breakpoint
-- A council frozen on this server: being moved away (from the moment its copy starts) or moved
-- and not yet confirmed. Every write of its rows here is refused (SQLSTATE HM503), so nothing is
-- written to a copy that is being left: the API answers 503 "try again" and a job is retried,
-- and both land on the new server once the placement says so.
CREATE TABLE "hearth_frozen_councils" (
  "council_id" uuid PRIMARY KEY NOT NULL,
  "frozen_at" timestamptz NOT NULL DEFAULT now(),
  "moving_to" text NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hearth_refuse_frozen() RETURNS trigger AS $$
DECLARE
  cid uuid;
BEGIN
  -- the move itself (copying in, clearing out after confirmation) says so for its transaction
  IF current_setting('hearth.moving', true) = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'councils' THEN
    IF TG_OP = 'DELETE' THEN cid := OLD.id; ELSE cid := NEW.id; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    cid := OLD.council_id;
  ELSE
    cid := NEW.council_id;
  END IF;
  IF EXISTS (SELECT 1 FROM hearth_frozen_councils f WHERE f.council_id = cid) THEN
    RAISE EXCEPTION 'council_moving' USING ERRCODE = 'HM503', DETAIL = 'council ' || cid;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- On every table that holds a council's rows (a partitioned table's partitions inherit it). A
-- test fails for any table with a council_id column and no such trigger.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname NOT IN ('council_placements', 'hearth_frozen_councils')
      AND (c.relname = 'councils' OR EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'council_id' AND NOT a.attisdropped))
  LOOP
    EXECUTE format(
      'CREATE TRIGGER hearth_frozen_guard BEFORE INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH ROW EXECUTE FUNCTION hearth_refuse_frozen()', t.relname);
  END LOOP;
END $$;
