-- The follow-up's indicators as a topic of the cached reads (issue 20, read_versions of 0056):
-- an indicator's series and the open data of indicator values are kept per app process while
-- the topic 'indicators' has not moved. Every write to the tables they are built from bumps it in
-- the write's own transaction: the indicators (name, unit, direction, targets), their values,
-- the units' names (a unit's series), and the goals the indicators measure (the goal tree).
-- The controllers' comments are left out: no cached read is built from them.
--
-- Statement triggers, never row triggers: an import of a million values writes in batches, and
-- each batch bumps the version once.

CREATE TRIGGER followup_indicators_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON followup_indicators
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('indicators');
CREATE TRIGGER followup_indicator_values_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON followup_indicator_values
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('indicators');
CREATE TRIGGER followup_units_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON followup_units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('indicators');
CREATE TRIGGER followup_goals_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON followup_goals
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('indicators');
