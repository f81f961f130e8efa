CREATE TABLE "note_bands" (
	"council_id" uuid NOT NULL,
	"band" integer NOT NULL,
	"note_id" uuid NOT NULL,
	CONSTRAINT "note_bands_council_id_band_note_id_pk" PRIMARY KEY("council_id","band","note_id")
);
--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "banded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "note_bands" ADD CONSTRAINT "note_bands_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_bands" ADD CONSTRAINT "note_bands_note_id_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_bands_note_idx" ON "note_bands" USING btree ("note_id");