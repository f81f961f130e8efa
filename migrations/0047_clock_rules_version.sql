-- #34: the version of the clock rules each council's stored due dates were worked out by; the
-- clocks' sweep works them out again when it is older (2: a weekend start counts from the day after).
ALTER TABLE "councils" ADD COLUMN "clock_rules_version" integer DEFAULT 1 NOT NULL;