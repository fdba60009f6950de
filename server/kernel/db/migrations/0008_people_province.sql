-- people.province_id: the level-2 ancestor of the person's unit in its latest version
-- (server/modules/org/province.ts, decision 0009); a composite GIN index over it and the search
-- name's trigrams (btree_gin gives GIN the uuid equality) and a btree for one province's people
-- in list order. PGlite loads btree_gin in server/kernel/db/client.ts and template.ts.
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "province_id" uuid;--> statement-breakpoint
UPDATE "people" p SET "province_id" = (
  SELECT pu.id FROM "units" pu
  WHERE pu.seq = substr(subpath(v.path, least(nlevel(v.path), 2) - 1, 1)::text, 2)::bigint
) FROM (
  SELECT DISTINCT ON (unit_id) unit_id, path FROM "unit_versions" ORDER BY unit_id, valid_from DESC
) v WHERE v.unit_id = p.unit_id;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "province_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "unit_versions_from_idx" ON "unit_versions" USING btree ("valid_from");--> statement-breakpoint
CREATE INDEX "people_province_trgm" ON "people" USING gin ("province_id","search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_province_order_idx" ON "people" USING btree ("province_id","search_name","id");
