-- Placements on the looked-after return's own codes (#34): the type becomes the SSDA903 PLACE code
-- (the old local kinds mapped to the nearest: a family member or friend U3, another foster carer U6,
-- a children's home K2, with parents P1 and its provider PR0, independent living K3, adoption A6,
-- another placement Z14); a provider, postcode, same carers and reason for moving are new answers.
-- A change of legal status in a period of care is a step of its own (a new care episode).
ALTER TABLE "case_steps" DROP CONSTRAINT "case_steps_kind_check";--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_kind_check" CHECK ("kind" IN ('episode', 'strategy_discussion', 's47', 'conference', 'cp_plan', 'core_group', 'statutory_visit', 'cin_plan', 'cin_review', 'looked_after', 'legal_status', 'placement', 'lac_review', 'care_plan', 'health_assessment', 'dental_check', 'pep', 'missing_episode', 'pre_proceedings'));--> statement-breakpoint
UPDATE "case_steps" SET "details" = "details" || jsonb_build_object(
    'type', CASE "details"->>'type'
      WHEN 'foster_connected' THEN 'U3' WHEN 'foster_other' THEN 'U6' WHEN 'residential' THEN 'K2'
      WHEN 'with_parents' THEN 'P1' WHEN 'independent' THEN 'K3' WHEN 'adoption' THEN 'A6' ELSE 'Z14' END,
    'provider', CASE "details"->>'type' WHEN 'with_parents' THEN 'PR0' ELSE NULL END)
  WHERE "kind" = 'placement' AND "details"->>'type' IN
    ('foster_connected', 'foster_other', 'residential', 'with_parents', 'independent', 'adoption', 'other');
