ALTER TABLE "contest_round_results" DROP CONSTRAINT "contest_round_results_round_id_contest_rounds_id_fk";
--> statement-breakpoint
ALTER TABLE "contest_round_results" DROP CONSTRAINT "contest_round_results_participant_id_contest_participants_id_fk";
