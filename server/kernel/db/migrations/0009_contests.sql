CREATE TABLE "contest_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"seed" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"deadline" timestamp (3) with time zone,
	"submitted_at" timestamp (3) with time zone,
	"effective_submitted_at" timestamp (3) with time zone,
	"status" text NOT NULL,
	"score" double precision,
	"max_score" double precision,
	"correct_count" integer,
	"is_all_correct" boolean,
	"correct" jsonb,
	"duration_ms" integer,
	"prediction" integer
);
--> statement-breakpoint
CREATE TABLE "contest_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"phone" text NOT NULL,
	"birth_year" integer NOT NULL,
	"unit_id" uuid,
	"unit_text" text,
	"id_number" text,
	"person_id" uuid,
	"token_hash" text NOT NULL,
	"registered_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_round_results" (
	"round_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" double precision NOT NULL,
	"prediction_distance" double precision,
	"time_ms" integer NOT NULL,
	"tied_with_previous" boolean NOT NULL,
	"prize" text
);
--> statement-breakpoint
CREATE TABLE "contest_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"true_count" integer,
	"participant_count" integer,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text DEFAULT 'contest' NOT NULL,
	"title" text NOT NULL,
	"rules" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT 'public' NOT NULL,
	"audience_unit_id" uuid,
	"review_policy" text DEFAULT 'after_round' NOT NULL,
	"time_limit_kind" text DEFAULT 'per_attempt' NOT NULL,
	"time_limit_seconds" integer,
	"grace_ms" integer DEFAULT 5000 NOT NULL,
	"attempts_per_round" integer,
	"time_mode" text DEFAULT 'duration' NOT NULL,
	"partial_credit" text DEFAULT 'none' NOT NULL,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prize_ladder" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"has_prediction" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_question_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_question_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"options" jsonb NOT NULL,
	"correct_option_ids" jsonb NOT NULL,
	"explanation" text,
	"difficulty" smallint DEFAULT 2 NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"keep_option_order" boolean DEFAULT false NOT NULL,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contest_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"current_version_id" uuid,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contest_attempts" ADD CONSTRAINT "contest_attempts_round_id_contest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."contest_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_attempts" ADD CONSTRAINT "contest_attempts_participant_id_contest_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."contest_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_participants" ADD CONSTRAINT "contest_participants_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_participants" ADD CONSTRAINT "contest_participants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_round_results" ADD CONSTRAINT "contest_round_results_round_id_contest_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."contest_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_round_results" ADD CONSTRAINT "contest_round_results_participant_id_contest_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."contest_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_rounds" ADD CONSTRAINT "contest_rounds_contest_id_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contests" ADD CONSTRAINT "contests_audience_unit_id_units_id_fk" FOREIGN KEY ("audience_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_question_categories" ADD CONSTRAINT "contest_question_categories_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_question_versions" ADD CONSTRAINT "contest_question_versions_question_id_contest_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."contest_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_questions" ADD CONSTRAINT "contest_questions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_questions" ADD CONSTRAINT "contest_questions_category_id_contest_question_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."contest_question_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contest_attempts_round_participant_idx" ON "contest_attempts" USING btree ("round_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_attempts_one_active_uq" ON "contest_attempts" USING btree ("participant_id") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "contest_participants_phone_uq" ON "contest_participants" USING btree ("contest_id","phone");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_participants_token_uq" ON "contest_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "contest_participants_person_idx" ON "contest_participants" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_round_results_uq" ON "contest_round_results" USING btree ("round_id","participant_id");--> statement-breakpoint
CREATE INDEX "contest_round_results_rank_idx" ON "contest_round_results" USING btree ("round_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_rounds_number_uq" ON "contest_rounds" USING btree ("contest_id","number");--> statement-breakpoint
CREATE INDEX "contests_unit_idx" ON "contests" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "contest_question_categories_unit_idx" ON "contest_question_categories" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_question_versions_uq" ON "contest_question_versions" USING btree ("question_id","version");--> statement-breakpoint
CREATE INDEX "contest_questions_category_idx" ON "contest_questions" USING btree ("category_id");