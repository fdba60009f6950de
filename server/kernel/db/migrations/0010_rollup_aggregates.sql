CREATE TABLE "people_counts" (
	"province_id" uuid NOT NULL,
	"category" text NOT NULL,
	"gender" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "people_counts_province_id_category_gender_pk" PRIMARY KEY("province_id","category","gender")
);
--> statement-breakpoint
CREATE TABLE "indicator_period_units" (
	"province_unit_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "indicator_period_units_indicator_code_province_unit_id_period_from_period_to_pk" PRIMARY KEY("indicator_code","province_unit_id","period_from","period_to")
);
--> statement-breakpoint
CREATE TABLE "indicator_province_units" (
	"province_unit_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "indicator_province_units_indicator_code_province_unit_id_pk" PRIMARY KEY("indicator_code","province_unit_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_stamp_units" (
	"province_unit_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"rows" integer NOT NULL,
	CONSTRAINT "indicator_stamp_units_province_unit_id_unit_id_pk" PRIMARY KEY("province_unit_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_sums" (
	"province_unit_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"category" text NOT NULL,
	"sex" text NOT NULL,
	"value" double precision NOT NULL,
	"denominator" double precision NOT NULL,
	"denominators" integer NOT NULL,
	"rows" integer NOT NULL,
	CONSTRAINT "indicator_sums_indicator_code_period_from_period_to_province_unit_id_category_sex_pk" PRIMARY KEY("indicator_code","period_from","period_to","province_unit_id","category","sex")
);
--> statement-breakpoint
-- Kept in the writing transaction by statement-level triggers (docs/decisions/0010): each
-- statement on indicator_values or people adds its rows' sums and the change in distinct units.
-- "Distinct units" compare a (province, indicator, unit[, period]) group's row count after the
-- statement with the count before (after − inserted + deleted), read through
-- indicator_values_unit_idx.
CREATE FUNCTION indicator_sums_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  delta text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM added'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM removed'
    ELSE 'SELECT *, 1 AS sign FROM added UNION ALL SELECT *, -1 AS sign FROM removed' END;
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO indicator_sums AS s (province_unit_id, indicator_code, period_from, period_to,
      category, sex, value, denominator, denominators, rows)
    SELECT province_unit_id, indicator_code, period_from, period_to, coalesce(category, ''),
      coalesce(sex, ''), sum(sign * value), coalesce(sum(sign * denominator), 0),
      sum(CASE WHEN denominator IS NULL THEN 0 ELSE sign END), sum(sign)
    FROM d GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (indicator_code, period_from, period_to, province_unit_id, category, sex)
    DO UPDATE SET value = s.value + excluded.value, denominator = s.denominator + excluded.denominator,
      denominators = s.denominators + excluded.denominators, rows = s.rows + excluded.rows$q$, delta);
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO indicator_stamp_units AS s (province_unit_id, unit_id, rows)
    SELECT province_unit_id, unit_id, sum(sign) FROM d GROUP BY 1, 2
    ON CONFLICT (province_unit_id, unit_id) DO UPDATE SET rows = s.rows + excluded.rows$q$, delta);
  EXECUTE format($q$
    WITH d AS (%s),
    g AS (SELECT province_unit_id AS p, indicator_code AS c, unit_id AS u,
            count(*) FILTER (WHERE sign = 1) AS n_new, count(*) FILTER (WHERE sign = -1) AS n_old
          FROM d GROUP BY 1, 2, 3),
    t AS (SELECT g.p, g.c, (a.n > 0)::int - ((a.n - g.n_new + g.n_old) > 0)::int AS delta
          FROM g CROSS JOIN LATERAL (SELECT count(*) AS n FROM indicator_values v
            WHERE v.unit_id = g.u AND v.indicator_code = g.c AND v.province_unit_id = g.p) a)
    INSERT INTO indicator_province_units AS s (province_unit_id, indicator_code, units)
    SELECT p, c, sum(delta) FROM t GROUP BY 1, 2 HAVING sum(delta) <> 0
    ON CONFLICT (indicator_code, province_unit_id) DO UPDATE SET units = s.units + excluded.units$q$,
    delta);
  EXECUTE format($q$
    WITH d AS (%s),
    g AS (SELECT province_unit_id AS p, indicator_code AS c, unit_id AS u, period_from AS f,
            period_to AS t, count(*) FILTER (WHERE sign = 1) AS n_new,
            count(*) FILTER (WHERE sign = -1) AS n_old
          FROM d GROUP BY 1, 2, 3, 4, 5),
    t AS (SELECT g.p, g.c, g.f, g.t, (a.n > 0)::int - ((a.n - g.n_new + g.n_old) > 0)::int AS delta
          FROM g CROSS JOIN LATERAL (SELECT count(*) AS n FROM indicator_values v
            WHERE v.unit_id = g.u AND v.indicator_code = g.c AND v.period_to = g.t
              AND v.period_from = g.f AND v.province_unit_id = g.p) a)
    INSERT INTO indicator_period_units AS s (province_unit_id, indicator_code, period_from,
      period_to, units)
    SELECT p, c, f, t, sum(delta) FROM t GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
    ON CONFLICT (indicator_code, province_unit_id, period_from, period_to)
    DO UPDATE SET units = s.units + excluded.units$q$, delta);
  EXECUTE format($q$
    DELETE FROM indicator_sums s USING (SELECT DISTINCT indicator_code, period_from, period_to,
      province_unit_id FROM (%s) d) k
    WHERE s.indicator_code = k.indicator_code AND s.period_from = k.period_from
      AND s.period_to = k.period_to AND s.province_unit_id = k.province_unit_id AND s.rows = 0$q$,
    delta);
  DELETE FROM indicator_stamp_units WHERE rows = 0;
  DELETE FROM indicator_province_units WHERE units = 0;
  DELETE FROM indicator_period_units WHERE units = 0;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER indicator_sums_insert AFTER INSERT ON indicator_values
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION indicator_sums_apply();--> statement-breakpoint
CREATE TRIGGER indicator_sums_delete AFTER DELETE ON indicator_values
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION indicator_sums_apply();--> statement-breakpoint
CREATE TRIGGER indicator_sums_update AFTER UPDATE ON indicator_values
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_sums_apply();--> statement-breakpoint
-- Recomputes the four tables from indicator_values: the backfill below, and bulk loads that
-- insert with the triggers disabled (bench/reporting.bench.ts).
CREATE FUNCTION indicator_sums_rebuild() RETURNS void LANGUAGE sql AS $fn$
  DELETE FROM indicator_sums;
  DELETE FROM indicator_stamp_units;
  DELETE FROM indicator_province_units;
  DELETE FROM indicator_period_units;
  INSERT INTO indicator_sums SELECT province_unit_id, indicator_code, period_from, period_to,
    coalesce(category, ''), coalesce(sex, ''), sum(value), coalesce(sum(denominator), 0),
    count(denominator), count(*)
  FROM indicator_values GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO indicator_stamp_units SELECT province_unit_id, unit_id, count(*)
  FROM indicator_values GROUP BY 1, 2;
  INSERT INTO indicator_province_units SELECT province_unit_id, indicator_code,
    count(DISTINCT unit_id) FROM indicator_values GROUP BY 1, 2;
  INSERT INTO indicator_period_units SELECT province_unit_id, indicator_code, period_from,
    period_to, count(DISTINCT unit_id) FROM indicator_values GROUP BY 1, 2, 3, 4;
$fn$;--> statement-breakpoint
SELECT indicator_sums_rebuild();--> statement-breakpoint
CREATE FUNCTION people_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO people_counts AS c (province_id, category, gender, n)
    SELECT province_id, category, coalesce(gender, ''), -count(*) FROM removed GROUP BY 1, 2, 3
    ON CONFLICT (province_id, category, gender) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO people_counts AS c (province_id, category, gender, n)
    SELECT province_id, category, coalesce(gender, ''), count(*) FROM added GROUP BY 1, 2, 3
    ON CONFLICT (province_id, category, gender) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  DELETE FROM people_counts WHERE n = 0;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER people_counts_insert AFTER INSERT ON people
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION people_counts_apply();--> statement-breakpoint
CREATE TRIGGER people_counts_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION people_counts_apply();--> statement-breakpoint
CREATE TRIGGER people_counts_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION people_counts_apply();--> statement-breakpoint
INSERT INTO people_counts SELECT province_id, category, coalesce(gender, ''), count(*)
FROM people GROUP BY 1, 2, 3;
