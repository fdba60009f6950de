/**
 * Shapes of the planning module's requests and responses: inferred from the server's zod
 * contracts (type-only imports, nothing reaches the bundle), so a renamed field fails `tsc`.
 */
import type { z } from 'zod';
import type * as plan from '../../../../server/modules/planning/planning.contracts.ts';
import type * as record from '../../../../server/modules/planning/record.contracts.ts';
import type * as view from '../../../../server/modules/planning/view.contracts.ts';

export type PeriodView = z.infer<typeof plan.PeriodView>;
export type PlanView = z.infer<typeof plan.PlanView>;
export type ToImplementPlan = z.infer<typeof plan.ToImplementResponse>['items'][number];
export type PlanDetail = z.infer<typeof plan.PlanDetailResponse>;
export type PlanBodyView = z.infer<typeof plan.PlanBodyView>;
export type PlanBlock = PlanBodyView['purpose'][number];
export type TargetView = z.infer<typeof plan.TargetView>;
export type TaskView = z.infer<typeof plan.TaskView>;
export type PlanAbilities = z.infer<typeof plan.PlanAbilities>;

export type CreatePlanBody = z.input<typeof plan.CreatePlanBody>;
export type UpdatePlanBody = z.input<typeof plan.UpdatePlanBody>;
export type CreateTargetBody = z.input<typeof plan.CreateTargetBody>;
export type UpdateTargetBody = z.input<typeof plan.UpdateTargetBody>;
export type CreateTaskBody = z.input<typeof plan.CreateTaskBody>;
export type UpdateTaskBody = z.input<typeof plan.UpdateTaskBody>;

export type IndicatorView = z.infer<typeof view.IndicatorView>;
export type ValueParts = z.infer<typeof view.ValueParts>;
export type DashboardResponse = z.infer<typeof view.DashboardResponse>;
export type DashboardTarget = z.infer<typeof view.DashboardTarget>;
export type LateTask = z.infer<typeof view.LateTask>;
export type RollupResponse = z.infer<typeof view.RollupResponse>;

export type ActivityView = z.infer<typeof record.ActivityView>;
export type ActivityPage = z.infer<typeof record.ActivityListResponse>;
export type CreateActivityBody = z.input<typeof record.CreateActivityBody>;
export type UpdateActivityBody = z.input<typeof record.UpdateActivityBody>;
export type ValueView = z.infer<typeof record.ValueView>;
export type ValuesResponse = z.infer<typeof record.ValuesResponse>;
export type PutValuesBody = z.input<typeof record.PutValuesBody>;
export type ValueEntry = PutValuesBody['entries'][number];

/** GET/POST /planning/plans/:id/attachments (planning/attachment.routes.ts). */
export type AttachmentView = {
  id: string;
  planId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  abilities: { delete: boolean };
};
