-- Human references (F-00042, R-00007) come from sequences, so concurrent intakes never collide.
-- Numbers are shared across councils; gaps are harmless.
CREATE SEQUENCE IF NOT EXISTS family_reference_seq;
--> statement-breakpoint
SELECT setval('family_reference_seq', COALESCE((SELECT max(substring(reference from 3)::int) FROM families WHERE reference ~ '^F-[0-9]+$'), 0) + 1, false);
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS referral_reference_seq;
