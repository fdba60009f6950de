CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"occurred_on" date NOT NULL,
	"participants" jsonb NOT NULL,
	"evidence_links" jsonb NOT NULL,
	"indicator_codes" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"province_unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"category" text,
	"sex" text,
	"value" double precision NOT NULL,
	"denominator" double precision,
	"activity_id" uuid,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_period_ck" CHECK ("indicator_values"."period_to" >= "indicator_values"."period_from")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit_label" text NOT NULL,
	"measure" text NOT NULL,
	"period_type" text NOT NULL,
	"aggregation" text NOT NULL,
	"accumulation" text NOT NULL,
	"source" text NOT NULL,
	"by_category" boolean NOT NULL,
	"by_sex" boolean NOT NULL,
	"numerator_label" text,
	"denominator_label" text,
	"denominator_indicator" text,
	"condition" jsonb,
	"feed" jsonb,
	"reference" text,
	"sort_order" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_parents" (
	"plan_id" uuid NOT NULL,
	"parent_plan_id" uuid NOT NULL,
	CONSTRAINT "plan_parents_plan_id_parent_plan_id_pk" PRIMARY KEY("plan_id","parent_plan_id")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"title" text NOT NULL,
	"issue_date" date,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"status" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_period_ck" CHECK ("plans"."period_end" >= "plans"."period_start")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"comparator" text NOT NULL,
	"value" double precision NOT NULL,
	"category" text,
	"period_key" text,
	"deadline" date,
	"applies_to" text NOT NULL,
	"applies_kind" text,
	"parent_target_id" uuid,
	"label" text,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_period_ck" CHECK (("targets"."period_key" is null) <> ("targets"."deadline" is null))
);
--> statement-breakpoint
CREATE TABLE "task_cooperators" (
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "task_cooperators_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"description" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"deadline_key" text NOT NULL,
	"due_date" date,
	"status" text NOT NULL,
	"evidence" text,
	"evidence_links" jsonb NOT NULL,
	"completed_on" date,
	"parent_task_id" uuid,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_parents" ADD CONSTRAINT "plan_parents_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_parents" ADD CONSTRAINT "plan_parents_parent_plan_id_plans_id_fk" FOREIGN KEY ("parent_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_cooperators" ADD CONSTRAINT "task_cooperators_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_idx" ON "activities" USING btree ("unit_id","occurred_on");--> statement-breakpoint
CREATE INDEX "activities_province_idx" ON "activities" USING btree ("province_unit_id","occurred_on");--> statement-breakpoint
CREATE INDEX "indicator_values_window_idx" ON "indicator_values" USING btree ("indicator_code","period_from","period_to");--> statement-breakpoint
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("unit_id","indicator_code","period_to");--> statement-breakpoint
CREATE INDEX "indicator_values_province_idx" ON "indicator_values" USING btree ("province_unit_id","indicator_code");--> statement-breakpoint
CREATE INDEX "indicator_values_activity_idx" ON "indicator_values" USING btree ("activity_id") WHERE "indicator_values"."activity_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_direct_uq" ON "indicator_values" USING btree ("indicator_code","unit_id","period_key",coalesce("category", ''),coalesce("sex", '')) WHERE "indicator_values"."activity_id" is null;--> statement-breakpoint
CREATE INDEX "plan_parents_parent_idx" ON "plan_parents" USING btree ("parent_plan_id");--> statement-breakpoint
CREATE INDEX "plans_unit_idx" ON "plans" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_unit_number_uq" ON "plans" USING btree ("unit_id","number");--> statement-breakpoint
CREATE INDEX "targets_plan_idx" ON "targets" USING btree ("plan_id","sort_order");--> statement-breakpoint
CREATE INDEX "targets_parent_idx" ON "targets" USING btree ("parent_target_id");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("plan_id","sort_order");--> statement-breakpoint
CREATE INDEX "tasks_lead_due_idx" ON "tasks" USING btree ("lead_unit_id","due_date");