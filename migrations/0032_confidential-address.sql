ALTER TABLE "families" ADD COLUMN "address_confidential" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "address_shown_to" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "address_confidential_reason" text;