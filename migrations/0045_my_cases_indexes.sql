-- Min översikt's own cases (cases repository casesOfUser): the cases a user registered, handles,
-- or owns an open action item in, each found through an index instead of a scan of every case
-- (issue 20: 100,000 cases made the overview take 270 ms of database time per request).
CREATE INDEX cases_registered_by ON cases (registered_by) WHERE registered_by IS NOT NULL;
CREATE INDEX case_actions_owner_open ON case_actions (owner_person_id) WHERE status = 'open';
