CREATE TABLE "break_glass_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"break_glass_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"reviewed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "break_glass_reviews" ADD CONSTRAINT "break_glass_reviews_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_reviews" ADD CONSTRAINT "break_glass_reviews_break_glass_id_break_glass_id_fk" FOREIGN KEY ("break_glass_id") REFERENCES "public"."break_glass"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_reviews" ADD CONSTRAINT "break_glass_reviews_reviewed_by_people_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "break_glass_reviews_one_uq" ON "break_glass_reviews" USING btree ("council_id","break_glass_id");--> statement-breakpoint
CREATE TRIGGER break_glass_reviews_kept BEFORE UPDATE OR DELETE ON "break_glass_reviews"
  FOR EACH ROW EXECUTE FUNCTION hearth_kept_as_written();
