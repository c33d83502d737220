-- A justerare without an account signs the minutes on paper; the secretary records it. The
-- date signed is kept beside when it was recorded (approved_at) and by whom (approved_by).
ALTER TABLE minutes_adjusters ADD COLUMN signed_on_paper date;
