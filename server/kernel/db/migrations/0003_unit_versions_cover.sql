DROP INDEX "unit_versions_unit_idx";--> statement-breakpoint
CREATE INDEX "unit_versions_unit_idx" ON "unit_versions" USING btree ("unit_id","valid_from","valid_to","path","name");