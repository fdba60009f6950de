/**
 * Shapes of the contests module's organiser API, inferred from the server's zod contracts
 * (type-only imports, nothing reaches the bundle), so a renamed field fails `tsc`.
 */
import type { z } from 'zod';
import type * as c from '../../../../server/modules/contests/contests.contracts.ts';

export type ContestListItem = z.infer<typeof c.ContestListResponse>['items'][number];
export type ContestView = z.infer<typeof c.ContestView>;
export type RoundView = z.infer<typeof c.RoundView>;
export type Readiness = z.infer<typeof c.Readiness>;
export type ParticipationRow = z.infer<typeof c.ParticipationResponse>['items'][number];
export type AdminResults = z.infer<typeof c.AdminResultsResponse>;
export type QuestionStats = z.infer<typeof c.QuestionStatsResponse>;
export type RoundCertificatesBody = z.input<typeof c.RoundCertificatesBody>;
export type CategoryView = z.infer<typeof c.Category>;
export type QuestionView = z.infer<typeof c.QuestionView>;
export type QuestionBody = z.input<typeof c.CreateQuestionBody>;
export type ContestBody = z.input<typeof c.CreateContestBody> | z.input<typeof c.UpdateContestBody>;
export type RoundBody = z.input<typeof c.RoundBody>;

/** 422 import_failed details (same shape as the people import). */
import type { ImportRowError } from '../../components/import-errors-table.tsx';

export type { ImportRowError };
