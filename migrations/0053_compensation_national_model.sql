-- Compensation under the national model (issue 21, item 20; seed 000: "Ersättningen baseras på
-- skattepliktigt arvode och reseersättning enligt nationell modell").
--
-- The model's levels are set annually (reference/kunskapsstod.md §6, S55) and the sources do not
-- give them: Navet ships no rates. A model is valid for a dated period (valid_to, inclusive, open
-- when NULL), and an authorised person enters the year's levels; a day no model covers is a gap
-- ("Ersättningsnivåer saknas för perioden") and no claim can be priced for it.
ALTER TABLE compensation_rate_models
  ADD COLUMN valid_to date,
  ADD CONSTRAINT compensation_rate_models_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
  -- Loss of income (inkomstbortfall): the documented amount, at most this much per assignment day.
  -- NULL: the model does not compensate loss of income.
  ADD COLUMN loss_of_income_max_ore_per_day integer
    CHECK (loss_of_income_max_ore_per_day IS NULL OR loss_of_income_max_ore_per_day BETWEEN 0 AND 100000000);

ALTER TABLE compensation_claims
  ADD COLUMN loss_of_income_ore integer NOT NULL DEFAULT 0 CHECK (loss_of_income_ore BETWEEN 0 AND 100000000),
  DROP CONSTRAINT IF EXISTS compensation_claims_check,
  DROP CONSTRAINT IF EXISTS compensation_claims_total_ore_check,
  ADD CONSTRAINT compensation_claims_total CHECK (total_ore = fee_ore + mileage_ore + travel_costs_ore + loss_of_income_ore);

-- The example model shipped by migration 0010 had invented levels. Gone where no claim used it;
-- where claims did, it stays for them (they keep their copied rates) but covers no later day.
DELETE FROM compensation_rate_models m
  WHERE m.is_example AND NOT EXISTS (SELECT 1 FROM compensation_claims c WHERE c.rate_model_id = m.id);
UPDATE compensation_rate_models m SET valid_to = (SELECT max(a.assignment_date)
    FROM compensation_claims c JOIN compensation_assignments a ON a.id = c.assignment_id WHERE c.rate_model_id = m.id)
  WHERE m.is_example;
