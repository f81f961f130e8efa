-- Who a signed-in person is (their session, roles, teams, conflicts of interest, break-glass
-- openings, their council's name) is cached briefly by each API process. Any change to those rows,
-- by any route, job or hand-written SQL, tells every process when it commits (NOTIFY is
-- transactional), so none serves an actor that has changed. The message is an id, never a name.
CREATE OR REPLACE FUNCTION hearth_actor_changed() RETURNS trigger AS $$
DECLARE
  r record;
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    -- a team's name or kind, a council's name: every cached actor may show it
    PERFORM pg_notify('hearth_actor', 'all');
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'people' THEN
    PERFORM pg_notify('hearth_actor', 'person:' || r.id);
  ELSE
    PERFORM pg_notify('hearth_actor', 'person:' || r.person_id);
    IF TG_OP = 'UPDATE' AND OLD.person_id IS DISTINCT FROM NEW.person_id THEN
      PERFORM pg_notify('hearth_actor', 'person:' || OLD.person_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER people_actor_changed AFTER UPDATE OR DELETE ON "people"
  FOR EACH ROW EXECUTE FUNCTION hearth_actor_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_actor_changed AFTER INSERT OR UPDATE OR DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION hearth_actor_changed();
--> statement-breakpoint
CREATE TRIGGER staff_conflicts_actor_changed AFTER INSERT OR UPDATE OR DELETE ON "staff_conflicts"
  FOR EACH ROW EXECUTE FUNCTION hearth_actor_changed();
--> statement-breakpoint
CREATE TRIGGER break_glass_actor_changed AFTER INSERT OR UPDATE OR DELETE ON "break_glass"
  FOR EACH ROW EXECUTE FUNCTION hearth_actor_changed();
--> statement-breakpoint
-- a session ended (signed out, or every session of someone deactivated), or cut short; the
-- minute-by-minute touch of a live session only pushes its expiry later and is not news (the
-- cache checks expiry itself on every use)
CREATE TRIGGER sessions_actor_changed AFTER DELETE ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION hearth_actor_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_actor_cut_short AFTER UPDATE ON "sessions"
  FOR EACH ROW WHEN (
    NEW.expires_at < OLD.expires_at
    OR NEW.absolute_expires_at < OLD.absolute_expires_at
    OR NEW.last_seen_at < OLD.last_seen_at
    OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token
    OR NEW.person_id IS DISTINCT FROM OLD.person_id
  ) EXECUTE FUNCTION hearth_actor_changed();
--> statement-breakpoint
CREATE TRIGGER teams_actor_changed AFTER UPDATE OR DELETE ON "teams"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_actor_changed();
--> statement-breakpoint
CREATE TRIGGER councils_actor_changed AFTER UPDATE ON "councils"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_actor_changed();
