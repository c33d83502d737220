-- Topics of the cached implementation reads (issue 20, read_versions of migration 0056): the
-- national heatmap, current and as of a date (indicators/heatmap.ts, implementation/
-- heatmap-queries.ts), and the open data of implementation statuses. Every table they read
-- bumps a topic in the writing statement's transaction; the geography and program areas they
-- also read already bump 'reference'.
--
-- 'implementation': the statuses and their history, the supports, their versions and program
-- areas. The heatmap's summaries (migrations 0032 and 0055) are written only by the triggers of
-- these tables, in the same transaction, so these bumps cover them; a restore writes these tables
-- too. They have no trigger of their own: a bump per summary statement made every status write
-- half as slow again (measured on the national data), for no answer it would change. A migration
-- that recomputes a summary by itself must bump the topic itself:
--   UPDATE read_versions SET version = version + 1, changed_at = now() WHERE topic = 'implementation';

-- 'groups': the open data names a status's LPO. Group writes have their own topic so that they
-- and status writes do not take turns at one version row.

CREATE TRIGGER implementation_statuses_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON implementation_statuses
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('implementation');
CREATE TRIGGER implementation_status_history_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON implementation_status_history
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('implementation');
CREATE TRIGGER knowledge_supports_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_supports
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('implementation');
CREATE TRIGGER knowledge_support_versions_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_support_versions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('implementation');
CREATE TRIGGER knowledge_support_program_areas_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_support_program_areas
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('implementation');

CREATE TRIGGER groups_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON groups
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('groups');
