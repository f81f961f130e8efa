-- A family link's letter holds the link's address: none is kept (#31). Letters made before are
-- dropped; an enabler printing one makes it again with a new address for the link.
UPDATE "admin_tasks" SET "artefact" = NULL WHERE "task_type" = 'family_link_letter' AND "artefact" IS NOT NULL;
