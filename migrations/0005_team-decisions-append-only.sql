-- The team decisions log is append-only, like the audit trail.
CREATE TRIGGER team_decisions_no_update BEFORE UPDATE OR DELETE ON "team_decisions"
  FOR EACH ROW EXECUTE FUNCTION hearth_audit_is_append_only();
--> statement-breakpoint
CREATE TRIGGER team_decisions_no_truncate BEFORE TRUNCATE ON "team_decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION hearth_audit_is_append_only();
