-- No placeholder is published as a group's name (issue 21, "Wrong" 3). nsg.csv's row
-- "(exact name not found) - area 'utveckling'" is no longer loaded (see isPlaceholderName in
-- src/modules/reference/rules/parse.ts): it is the group seed 002 and the LSVO agreement 2024 name
-- "Nationell samverkansgrupp stöd för utveckling" (nsg:stod-for-utveckling). An earlier load made
-- a group of it, named by its area: remove it; if something already refers to it, it is marked as
-- merged into the named group instead, so nothing that points at it breaks.
DO $$
BEGIN
  DELETE FROM groups WHERE reference_key = 'nsg:utveckling';
EXCEPTION WHEN foreign_key_violation THEN
  UPDATE groups g
     SET status = 'merged', historical = true,
         merged_into_group_id = (SELECT id FROM groups WHERE reference_key = 'nsg:stod-for-utveckling'),
         closed_reason = 'Samma grupp som Nationell samverkansgrupp stöd för utveckling (platshållare i referensdata, inget belagt namn).',
         version = g.version + 1, updated_at = now()
   WHERE g.reference_key = 'nsg:utveckling';
END
$$;
