-- Composition rules belong to the organisation that set them (issue 21, "Wrong" 1).
-- Seed 000 is Region Jönköpings län's own description of its länsgemensamma programområden:
-- its grundbemanning (1–2 ordförande, processtöd, controller, administrativt stöd, a person
-- with patient experience) and its three-year mandate apply to Jönköping's (06) groups only.
UPDATE composition_rules SET group_owner = '06', version = version + 1, updated_at = now()
 WHERE source_id = 'seed-000' AND group_owner IS NULL AND group_key IS NULL;

-- Groups the sources know only as historical (an NSG listed in older pages, perhaps renamed or
-- merged) are marked so, never mixed silently with today's groups (issue 21, "Wrong" 3).
ALTER TABLE groups ADD COLUMN historical boolean NOT NULL DEFAULT false;
-- The loader now reads nsg.csv's historical status and never publishes a placeholder as a name:
-- forget the file's hash so the next start loads it again (upserted by key; ids stay).
DELETE FROM reference_files WHERE name = 'nsg.csv';
