-- Children in care (#34): the care plan agreed, health assessments, dental checks, the personal
-- education plan and times missing or away are steps on the child like the rest of the case process.
ALTER TABLE "case_steps" DROP CONSTRAINT "case_steps_kind_check";--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_kind_check" CHECK ("kind" IN ('episode', 'strategy_discussion', 's47', 'conference', 'cp_plan', 'core_group', 'statutory_visit', 'cin_plan', 'cin_review', 'looked_after', 'placement', 'lac_review', 'care_plan', 'health_assessment', 'dental_check', 'pep', 'missing_episode', 'pre_proceedings'));
