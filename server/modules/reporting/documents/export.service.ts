import type { Actor } from '../../../kernel/auth/actor.ts';
import { findUnitAsOf } from '../../org/index.ts';
import { findCurrentOrLast, getPlan } from '../../planning/index.ts';
import { getReport } from '../report.service.ts';
import type { ReportingContext } from '../reporting.scope.ts';
import { renderPlanDocx } from './plan-docx.ts';
import { renderReportDocx } from './report-docx.ts';
import { renderReportXlsx, XLSX_CONTENT_TYPE } from './report-xlsx.ts';

const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "bao-cao-6-thang-dau-nam-2023-tinh-doan-tay-ninh" style names, readable in any file system. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

export async function exportReport(
  ctx: ReportingContext,
  actor: Actor,
  reportId: string,
  format: 'docx' | 'xlsx',
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const detail = await getReport(ctx, actor, reportId);
  const fileName = `${slug(`bao cao ${detail.report.period.label} ${detail.report.unit.name}`)}.${format}`;
  return format === 'docx'
    ? { body: await renderReportDocx(detail), contentType: DOCX_CONTENT_TYPE, fileName }
    : { body: await renderReportXlsx(detail), contentType: XLSX_CONTENT_TYPE, fileName };
}

export async function exportPlanDocx(
  ctx: ReportingContext,
  actor: Actor,
  planId: string,
): Promise<{ body: Buffer; fileName: string }> {
  const detail = await getPlan(ctx, actor, planId);
  const today = ctx.deps.today();
  const issuer = await findCurrentOrLast(ctx.deps.db, detail.plan.unitId, today);
  const parent = issuer?.parentId ? await findUnitAsOf(ctx.deps.db, issuer.parentId, today) : null;
  const body = await renderPlanDocx(
    detail,
    issuer ?? { name: detail.plan.unitName, kind: 'other' },
    parent,
  );
  return {
    body,
    fileName: `${slug(`ke hoach ${detail.plan.number ?? ''} ${detail.plan.title}`)}.docx`,
  };
}
