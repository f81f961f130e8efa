ALTER TABLE "proposals" ALTER COLUMN "weekly_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "proposals" ALTER COLUMN "total_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "proposals" ALTER COLUMN "sign_off_pence_at_submission" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "spend_thresholds" ALTER COLUMN "sign_off_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "spend_thresholds" ALTER COLUMN "second_approver_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "commissions" ALTER COLUMN "budget_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "commissions" ALTER COLUMN "weekly_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "directory_cost_options" ALTER COLUMN "amount_pence" SET DATA TYPE bigint;