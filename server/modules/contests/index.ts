/** The contests module's public surface (courses reuse the quiz through kind 'course_test'). */
import type { AnyJobDefinition } from '../../kernel/jobs/index.ts';
import { closeRoundJob } from './close.service.ts';

export { contestRoutes } from './contests.routes.ts';
export { publicContestRoutes } from './public.routes.ts';
export { CONTEST_INDICATORS } from './contests.indicators.ts';
export { closeRound, closeRoundJob, requestRoundClose } from './close.service.ts';
// For the courses module: a course's final test is a contest of kind 'course_test'.
export {
  addRound,
  createContest,
  getContest,
  getReadiness,
  loadContest,
  publishContest,
  updateContest,
  updateRound,
} from './contest.service.ts';
export { createCategory, createQuestion } from './bank.service.ts';
export { clearPoolCache } from './pool.cache.ts';
export { CreateQuestionBody } from './contests.contracts.ts';
export { PARTICIPANT_COOKIE, participantCookiePath, participantOf } from './attempt.service.ts';
export {
  contests,
  contestAttempts,
  contestParticipants,
  contestRounds,
  contestRoundResults,
} from './contests.table.ts';

/** The job kinds this module runs (registered by server/app.ts). */
export const contestJobs: AnyJobDefinition[] = [closeRoundJob];
