-- Indicators from the real Swedish sources (Kolada, the national quality indicators, their
-- file exports). Portable: runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
--
-- An indicator may come from a source with its own id there (Kolada's KPI id "N07403"): the
-- pair (source, source_ref) names it once. Periods may be half-years ("2025-H1").
ALTER TABLE followup_indicators DROP CONSTRAINT followup_indicators_source_check;
ALTER TABLE followup_indicators ADD CONSTRAINT followup_indicators_source_check CHECK (
  source IN ('quality-register', 'waiting-time-database', 'patient-survey', 'own-measurement', 'kolada', 'quality-indicators')
);
ALTER TABLE followup_indicators DROP CONSTRAINT followup_indicators_periodicity_check;
ALTER TABLE followup_indicators ADD CONSTRAINT followup_indicators_periodicity_check CHECK (
  periodicity IN ('month', 'quarter', 'half-year', 'year')
);
ALTER TABLE followup_indicators ADD COLUMN source_ref text CHECK (source_ref IS NULL OR source_ref ~ '^[A-Za-z0-9._-]{1,60}$');
CREATE UNIQUE INDEX followup_indicators_source_ref ON followup_indicators (source, source_ref) WHERE source_ref IS NOT NULL;

-- A value now carries what the sources carry:
--   gender       T (totalt), K (kvinnor), M (män) — part of the key, so a by-gender file keeps all three;
--   level        country (area 'SE'), healthcare-region (area = its id), region (area = region code),
--                municipality (area = region code, sub_area = kommunkod), unit (sub_area = HSA-id or name);
--   numerator, denominator where the source gives them;
--   provenance   source ('file', 'kolada', 'quality-indicators'), source_ref (the KPI id, or the
--                file's name), fetched_at (when Navet read it).
ALTER TABLE followup_indicator_values
  ADD COLUMN gender text NOT NULL DEFAULT 'T' CHECK (gender IN ('T', 'K', 'M')),
  ADD COLUMN level text NOT NULL DEFAULT 'region' CHECK (level IN ('country', 'healthcare-region', 'region', 'municipality', 'unit')),
  ADD COLUMN numerator double precision,
  ADD COLUMN denominator double precision,
  ADD COLUMN source text NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'kolada', 'quality-indicators')),
  ADD COLUMN source_ref text CHECK (source_ref IS NULL OR length(source_ref) <= 300),
  ADD COLUMN fetched_at timestamptz NOT NULL DEFAULT now();

UPDATE followup_indicator_values SET level = CASE
  WHEN area = 'SE' THEN 'country'
  WHEN sub_area ~ '^[0-9]{4}$' THEN 'municipality'
  WHEN sub_area <> '' THEN 'unit'
  ELSE 'region' END;

ALTER TABLE followup_indicator_values DROP CONSTRAINT followup_indicator_values_area_check;
ALTER TABLE followup_indicator_values ADD CONSTRAINT followup_indicator_values_area_check CHECK (
  (level = 'country') = (area = 'SE')
  AND (area = 'SE' OR area ~ '^[0-9]{2}$' OR (level = 'healthcare-region' AND area ~ '^[a-z-]{2,40}$'))
);
ALTER TABLE followup_indicator_values DROP CONSTRAINT followup_indicator_values_period_check;
ALTER TABLE followup_indicator_values ADD CONSTRAINT followup_indicator_values_period_check CHECK (
  period ~ '^[0-9]{4}(-[0-9]{2}|-Q[1-4]|-H[12])?$'
);
ALTER TABLE followup_indicator_values DROP CONSTRAINT followup_indicator_values_pkey;
ALTER TABLE followup_indicator_values ADD PRIMARY KEY (indicator_id, area, sub_area, period, gender);
