ALTER TABLE "notes" ADD COLUMN "changed_by" text;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "notice_hours" integer;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "missed_reason" text;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_changed_by_check" CHECK ("changed_by" IS NULL OR "changed_by" IN ('us', 'family'));--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_notice_hours_check" CHECK ("notice_hours" IS NULL OR "notice_hours" >= 0);
