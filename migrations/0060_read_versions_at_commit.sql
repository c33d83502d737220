-- Topics bumped at commit (issue 20): the audit trail, the cases behind the case list and the
-- public diary, and the notifications.
--
-- The statement triggers of 0056–0058 bump a topic when the write happens, and the writer holds
-- the topic's row lock until it commits. That is right for tables written by few, in bulk
-- (the reference data, an import). It would not be right for the audit trail, which every write
-- in the system adds to, nor for cases, which every case handler writes: every write would
-- wait for every other writer's whole transaction.
--
-- These topics are therefore bumped by a deferred constraint trigger, which runs when the
-- writing transaction commits. The row lock is held only from that moment to the commit itself,
-- so writers wait for each other's commit and nothing more. The versions still grow in commit
-- order: a reader that sees a version sees the data of every write that bumped it. A
-- transaction bumps each topic once, however many rows it writes (a transaction-local setting
-- remembers it).

CREATE FUNCTION bump_read_version_at_commit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  done text := 'navet_read_version.' || replace(TG_ARGV[0], '-', '_');
BEGIN
  IF current_setting(done, true) = 'bumped' THEN
    RETURN NULL;
  END IF;
  INSERT INTO read_versions (topic, version, changed_at) VALUES (TG_ARGV[0], 1, now())
  ON CONFLICT (topic) DO UPDATE SET version = read_versions.version + 1, changed_at = now();
  PERFORM set_config(done, 'bumped', true);
  RETURN NULL;
END
$$;

-- 'audit': the audit trail (the administrator's log). Events are added by every write; they
-- are changed only by anonymisation and removed only by gallring.
CREATE CONSTRAINT TRIGGER audit_events_read_version AFTER INSERT OR UPDATE OR DELETE ON audit_events
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION bump_read_version_at_commit('audit');

-- 'cases': the case list and the public diary, which read the cases table alone.
CREATE CONSTRAINT TRIGGER cases_read_version AFTER INSERT OR UPDATE OR DELETE ON cases
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION bump_read_version_at_commit('cases');

-- 'notifications': the unread count on Min översikt. Notices are added by jobs and marked read
-- by their reader, neither of which is an audited change. (Min översikt is otherwise kept under
-- 'audit': every change a person makes is audited in its own transaction.)
CREATE CONSTRAINT TRIGGER notifications_read_version AFTER INSERT OR UPDATE OR DELETE ON notifications
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION bump_read_version_at_commit('notifications');

-- A constraint trigger has no TRUNCATE event: emptying a table (a restore with --force) bumps
-- the topic at once, as the statement triggers of 0056 do.
CREATE TRIGGER audit_events_read_version_truncate AFTER TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('audit');
CREATE TRIGGER cases_read_version_truncate AFTER TRUNCATE ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('cases');
CREATE TRIGGER notifications_read_version_truncate AFTER TRUNCATE ON notifications
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('notifications');
