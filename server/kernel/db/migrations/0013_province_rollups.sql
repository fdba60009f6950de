CREATE TABLE "people_unit_counts" (
	"unit_id" uuid NOT NULL,
	"province_id" uuid NOT NULL,
	"category" text NOT NULL,
	"gender" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "people_unit_counts_unit_id_province_id_category_gender_pk" PRIMARY KEY("unit_id","province_id","category","gender")
);
--> statement-breakpoint
CREATE TABLE "rollup_revisions" (
	"id" integer PRIMARY KEY NOT NULL,
	"tree" bigint NOT NULL,
	"stamps" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "indicator_values_unit_idx";--> statement-breakpoint
ALTER TABLE "people_counts" ADD COLUMN "revision" bigint DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "unit_versions_kind_idx" ON "unit_versions" USING btree ("kind","valid_from");--> statement-breakpoint
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("unit_id","indicator_code","period_to","period_from","category","sex","value","denominator");
--> statement-breakpoint
-- People by unit, kept with people_counts by the same statement-level triggers (decision 0014);
-- every statement bumps the revision of the people_counts rows it changes (a new row starts at 1).
CREATE OR REPLACE FUNCTION people_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO people_counts AS c (province_id, category, gender, n)
    SELECT province_id, category, coalesce(gender, ''), -count(*) FROM removed GROUP BY 1, 2, 3
    ON CONFLICT (province_id, category, gender)
    DO UPDATE SET n = c.n + excluded.n, revision = c.revision + 1;
    INSERT INTO people_unit_counts AS c (unit_id, province_id, category, gender, n)
    SELECT unit_id, province_id, category, coalesce(gender, ''), -count(*) FROM removed
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (unit_id, province_id, category, gender) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO people_counts AS c (province_id, category, gender, n)
    SELECT province_id, category, coalesce(gender, ''), count(*) FROM added GROUP BY 1, 2, 3
    ON CONFLICT (province_id, category, gender)
    DO UPDATE SET n = c.n + excluded.n, revision = c.revision + 1;
    INSERT INTO people_unit_counts AS c (unit_id, province_id, category, gender, n)
    SELECT unit_id, province_id, category, coalesce(gender, ''), count(*) FROM added
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (unit_id, province_id, category, gender) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  -- people_counts keeps its rows at n = 0: their revisions only grow (rollup.cache.ts).
  -- Only the keys this statement touched: the table has a row per unit and category.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM people_unit_counts c USING (SELECT DISTINCT unit_id FROM removed) r
    WHERE c.unit_id = r.unit_id AND c.n = 0;
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
INSERT INTO people_unit_counts SELECT unit_id, province_id, category, coalesce(gender, ''), count(*)
FROM people GROUP BY 1, 2, 3, 4;--> statement-breakpoint
-- Revision counters for the rollup caches (rollup.cache.ts): a request reads them and reuses
-- what its process computed under the same values. Bumped in the writing transaction, so a
-- reader sees the new value exactly when it sees the new rows.
INSERT INTO rollup_revisions (id, tree, stamps) VALUES (1, 0, 0);--> statement-breakpoint
CREATE FUNCTION rollup_revisions_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'unit_versions' THEN
    UPDATE rollup_revisions SET tree = tree + 1 WHERE id = 1;
  -- A unit gained or lost a stamp (the row counts of existing pairs do not matter). Each
  -- transition table is named only in its own branch: plpgsql parses a statement when it runs.
  ELSIF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM added) THEN
      UPDATE rollup_revisions SET stamps = stamps + 1 WHERE id = 1;
    END IF;
  ELSIF EXISTS (SELECT 1 FROM removed) THEN
    UPDATE rollup_revisions SET stamps = stamps + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER unit_versions_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_versions
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_revisions_bump();--> statement-breakpoint
CREATE TRIGGER indicator_stamp_units_insert_revision AFTER INSERT ON indicator_stamp_units
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION rollup_revisions_bump();--> statement-breakpoint
CREATE TRIGGER indicator_stamp_units_delete_revision AFTER DELETE ON indicator_stamp_units
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION rollup_revisions_bump();
