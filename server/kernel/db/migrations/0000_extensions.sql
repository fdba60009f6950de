-- Contrib extensions the schema relies on. Applied before the tables; PGlite must
-- have them loaded on the client (see server/kernel/db/client.ts).
CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
