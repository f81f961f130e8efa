-- What the family said: the language of the pages it was written on (en, pl or ur), so the team sees
-- it labelled and can ask the enablers for a translation (#32). Null for what was said before.
ALTER TABLE "family_messages" ADD COLUMN "language" text;