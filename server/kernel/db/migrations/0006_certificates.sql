CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"download_token" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"holder_ref" text NOT NULL,
	"holder_name" text NOT NULL,
	"title" text NOT NULL,
	"result_text" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"place" text NOT NULL,
	"issued_on" date NOT NULL,
	"signer_title" text,
	"signer_name" text,
	"job_id" uuid,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_uq" ON "certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_source_holder_uq" ON "certificates" USING btree ("source_kind","source_id","holder_ref");--> statement-breakpoint
CREATE INDEX "certificates_unit_idx" ON "certificates" USING btree ("unit_id");