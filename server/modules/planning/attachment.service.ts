import { createHash } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { REPORTING_LIMITS } from '../../../common/reporting.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { AppError, notFound } from '../../kernel/http/errors.ts';
import { planAttachments } from './attachment.table.ts';
import type { PlanningContext } from './planning.scope.ts';
import { planningPolicy } from './planning.policy.ts';
import { loadPlanFor, loadReadablePlan } from './planning.scope.ts';

/**
 * Plan attachments: the signed PDF or DOCX, stored in the database (docs/decisions/0005).
 * The content type comes from the bytes (magic numbers), never from the client.
 */

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

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** PDF: "%PDF-"; DOCX: a ZIP ("PK\x03\x04") holding word/document.xml. Anything else: null. */
export function sniffContentType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  const zip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (zip && bytes.includes(Buffer.from('word/document.xml'))) return DOCX;
  return null;
}

/** A file name safe to store and to send back: NFC, no path, no control characters. */
function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, REPORTING_LIMITS.attachmentName);
  return cleaned || 'tep-dinh-kem';
}

type Row = typeof planAttachments.$inferSelect;

function present(row: Omit<Row, 'content'>, canDelete: boolean): AttachmentView {
  return {
    id: row.id,
    planId: row.planId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
    abilities: { delete: canDelete },
  };
}

const columns = {
  id: planAttachments.id,
  planId: planAttachments.planId,
  fileName: planAttachments.fileName,
  contentType: planAttachments.contentType,
  sizeBytes: planAttachments.sizeBytes,
  sha256: planAttachments.sha256,
  uploadedBy: planAttachments.uploadedBy,
  uploadedAt: planAttachments.uploadedAt,
};

/** Editors delete while the plan is a draft; admins at any time. */
function canDelete(actor: Actor, path: string, status: string): boolean {
  return planningPolicy.can(actor, status === 'draft' ? 'manageTasks' : 'managePlans', path);
}

export async function uploadAttachment(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
  file: { fileName: string; bytes: Buffer },
): Promise<AttachmentView> {
  const contentType = sniffContentType(file.bytes);
  return ctx.deps.db.transaction(async (tx) => {
    const loaded = await loadPlanFor(tx, actor, planId, 'manageTasks', ctx.deps.today());
    if (!contentType) {
      throw new AppError('unsupported_media_type', 'Chỉ nhận tệp PDF hoặc Word (.docx).');
    }
    const [existing] = await tx
      .select({ n: count() })
      .from(planAttachments)
      .where(eq(planAttachments.planId, planId));
    if (Number(existing?.n ?? 0) >= REPORTING_LIMITS.attachmentsPerPlan) {
      throw new AppError('invalid_state', 'Kế hoạch đã có quá nhiều tệp đính kèm.');
    }
    const [row] = await tx
      .insert(planAttachments)
      .values({
        planId,
        fileName: cleanFileName(file.fileName),
        contentType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        content: file.bytes,
        uploadedBy: actor.userId,
      })
      .returning(columns);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'plan.attachment.upload',
      entity: 'plan_attachment',
      entityId: row!.id,
      unitId: loaded.plan.unitId,
      after: row,
    });
    return present(row!, canDelete(actor, loaded.issuer.path, loaded.plan.status));
  });
}

export async function listAttachments(
  ctx: PlanningContext,
  actor: Actor,
  planId: string,
): Promise<AttachmentView[]> {
  const loaded = await loadReadablePlan(ctx.deps.db, actor, planId, ctx.deps.today());
  const rows = await ctx.deps.db
    .select(columns)
    .from(planAttachments)
    .where(eq(planAttachments.planId, planId))
    .orderBy(asc(planAttachments.uploadedAt), asc(planAttachments.id));
  const may = canDelete(actor, loaded.issuer.path, loaded.plan.status);
  return rows.map((r) => present(r, may));
}

async function loadAttachment(ctx: PlanningContext, actor: Actor, id: string) {
  const [row] = await ctx.deps.db
    .select(columns)
    .from(planAttachments)
    .where(eq(planAttachments.id, id));
  if (!row) throw notFound('Không tìm thấy tệp đính kèm.');
  try {
    return {
      row,
      loaded: await loadReadablePlan(ctx.deps.db, actor, row.planId, ctx.deps.today()),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw notFound('Không tìm thấy tệp đính kèm.');
    }
    throw error;
  }
}

export async function downloadAttachment(ctx: PlanningContext, actor: Actor, id: string) {
  const { row } = await loadAttachment(ctx, actor, id);
  const [content] = await ctx.deps.db
    .select({ content: planAttachments.content })
    .from(planAttachments)
    .where(eq(planAttachments.id, id));
  return { fileName: row.fileName, contentType: row.contentType, body: content!.content };
}

export async function deleteAttachment(ctx: PlanningContext, actor: Actor, id: string) {
  const { row, loaded } = await loadAttachment(ctx, actor, id);
  if (!canDelete(actor, loaded.issuer.path, loaded.plan.status)) {
    throw new AppError('forbidden');
  }
  await ctx.deps.db.transaction(async (tx) => {
    await tx
      .delete(planAttachments)
      .where(and(eq(planAttachments.id, id), eq(planAttachments.planId, row.planId)));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'plan.attachment.delete',
      entity: 'plan_attachment',
      entityId: id,
      unitId: loaded.plan.unitId,
      before: row,
    });
  });
}
