import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { formatDate } from '../../../common/format.ts';
import { addDays, daysBetween, formatPeriod, parsePeriodKey } from '../../../common/period.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import type { IsoDate } from '../../kernel/clock.ts';
import type { Db } from '../../kernel/db/client.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { currentInstant } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/http/errors.ts';
import type { Mailer } from '../../kernel/mail/mailer.ts';
import { createMailer } from '../../kernel/mail/mailer.ts';
import { units } from '../org/index.ts';
import type { PlanStatus } from '../../../common/planning.ts';
import { findCurrentOrLast, plans } from '../planning/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { progressLink } from './links.ts';
import { findReportWriters } from './recipients.ts';
import { findReporters, reporterTreeDate } from './reporters.ts';
import type { RemindResponse } from './reporting.contracts.ts';
import type { LoadedReportType } from './reporting.scope.ts';
import { loadReportType, periodsOf, requireCan, requirePeriod } from './reporting.scope.ts';
import { reportReminders, reportTypes } from './reporting.table.ts';
import { reportsOfPeriod } from './progress.service.ts';

/**
 * Reminders (docs/decisions/0005): only to reporting units whose report is not yet submitted and
 * is late or due within N days; at most one per unit, report and day (report_reminders is the
 * ledger). In the app to the unit's editors and admins, in the same transaction; by email to the
 * unit's address when SMTP is configured, after the commit.
 */

export type RemindItem = RemindResponse['items'][number];
type Due = {
  loaded: LoadedReportType;
  unitId: string;
  unitName: string;
  periodKey: string;
  dueDate: IsoDate;
  reason: 'late' | 'due_soon';
};

const DONE = new Set(['submitted', 'accepted', 'waived']);

async function dueReminders(
  db: Db,
  loaded: LoadedReportType,
  periodKeys: string[],
  today: IsoDate,
) {
  const found: Due[] = [];
  for (const key of periodKeys) {
    const { period, dueDate } = requirePeriod(loaded, key);
    if (period.from > today) continue;
    const tree = await findReporters(
      db,
      loaded.plan.plan.unitId,
      loaded.type.reporterKinds as string[],
      reporterTreeDate(period.to, today),
    );
    const stored = await reportsOfPeriod(db, loaded.type.id, key);
    for (const { unit } of tree.reporters.values()) {
      if (DONE.has(stored.get(unit.id)?.status ?? '')) continue;
      const reason = today > dueDate ? 'late' : 'due_soon';
      found.push({ loaded, unitId: unit.id, unitName: unit.name, periodKey: key, dueDate, reason });
    }
  }
  return found;
}

function describe(due: Due, today: IsoDate): string {
  const what = `${due.loaded.type.name} — ${formatPeriod(parsePeriodKey(due.periodKey)!)}`;
  const when =
    due.reason === 'late'
      ? `đã quá hạn ${daysBetween(due.dueDate, today)} ngày (hạn ${formatDate(due.dueDate)})`
      : `hạn nộp ${formatDate(due.dueDate)}, còn ${daysBetween(today, due.dueDate)} ngày`;
  return `${due.unitName}: ${what}, ${when}.`;
}

/** Every report type of an issued plan, for the daily tick. */
async function allOpenTypes(db: Db, today: IsoDate): Promise<LoadedReportType[]> {
  const rows = await db
    .select({ type: reportTypes, plan: plans })
    .from(reportTypes)
    .innerJoin(plans, eq(plans.id, reportTypes.planId))
    .where(eq(plans.status, 'issued'));
  const loaded: LoadedReportType[] = [];
  for (const { type, plan } of rows) {
    const issuer = await findCurrentOrLast(db, plan.unitId, today);
    if (issuer) {
      loaded.push({ type, plan: { plan: { ...plan, status: plan.status as PlanStatus }, issuer } });
    }
  }
  return loaded;
}

export async function sendReminders(
  deps: AppDeps,
  input: { actor?: Actor; reportTypeId?: string; period?: string; withinDays?: number },
): Promise<RemindItem[]> {
  const { db } = deps;
  const today = deps.today();
  const horizon = addDays(today, input.withinDays ?? deps.config.reminderWithinDays);
  let types: LoadedReportType[];
  if (input.reportTypeId && input.actor) {
    const loaded = await loadReportType(db, input.actor, input.reportTypeId, today);
    requireCan(input.actor, 'remind', loaded.plan.issuer.path);
    if (loaded.plan.plan.status !== 'issued') {
      throw new AppError('invalid_state', 'Chỉ nhắc báo cáo của kế hoạch đang thực hiện.');
    }
    if (input.period) requirePeriod(loaded, input.period);
    types = [loaded];
  } else {
    types = await allOpenTypes(db, today);
  }
  const due: Due[] = [];
  for (const loaded of types) {
    const keys = input.period
      ? [input.period]
      : periodsOf(loaded)
          .filter((p) => p.dueDate <= horizon)
          .map((p) => p.key);
    due.push(...(await dueReminders(db, loaded, keys, today)));
  }
  const created = await db.transaction(async (tx) => {
    const rows: (Due & { reminderId: number; emailTo: string | null; notified: number })[] = [];
    const emails = await unitEmails(tx, [...new Set(due.map((d) => d.unitId))]);
    const writers = await findReportWriters(tx, [...new Set(due.map((d) => d.unitId))]);
    for (const d of due) {
      const emailTo = emails.get(d.unitId) ?? null;
      const [row] = await tx
        .insert(reportReminders)
        .values({
          reportTypeId: d.loaded.type.id,
          unitId: d.unitId,
          periodKey: d.periodKey,
          day: today,
          reason: d.reason,
          emailTo,
        })
        .onConflictDoNothing()
        .returning({ id: reportReminders.id });
      if (!row) continue;
      const recipients = writers.get(d.unitId) ?? [];
      await notifyUsers(
        tx,
        recipients.map((userId) => ({
          userId,
          kind: d.reason === 'late' ? 'report_late' : 'report_due',
          title: d.reason === 'late' ? 'Báo cáo quá hạn' : 'Sắp đến hạn nộp báo cáo',
          body: describe(d, today),
          link: progressLink(d.loaded.type.id, d.periodKey, d.unitId),
        })),
      );
      rows.push({ ...d, reminderId: row.id, emailTo, notified: recipients.length });
    }
    if (rows.length) {
      await recordAudit(tx, {
        actorId: input.actor?.userId ?? null,
        action: 'report.remind',
        entity: 'report_type',
        entityId: input.reportTypeId ?? 'all',
        after: { day: today, reminders: rows.length },
      });
    }
    return rows;
  });
  const mailer = createMailer(deps.config);
  const emailed = mailer ? await sendEmails(deps, mailer, created, today) : new Set<number>();
  mailer?.close();
  return created.map((r) => ({
    unitId: r.unitId,
    unitName: r.unitName,
    period: r.periodKey,
    reason: r.reason,
    dueDate: r.dueDate,
    notified: r.notified,
    emailTo: r.emailTo,
    emailed: emailed.has(r.reminderId),
  }));
}

async function unitEmails(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, email: units.email })
    .from(units)
    .where(and(inArray(units.id, ids), isNotNull(units.email)));
  return new Map(rows.filter((r) => r.email && r.email.trim()).map((r) => [r.id, r.email!]));
}

/**
 * Sends the emails of the reminders just recorded. A failure is logged and leaves emailed_at
 * null; it never undoes the reminder (the in-app notification stands).
 */
async function sendEmails(
  deps: AppDeps,
  mailer: Mailer,
  created: (Due & { reminderId: number; emailTo: string | null })[],
  today: IsoDate,
): Promise<Set<number>> {
  const sent = new Set<number>();
  for (const r of created) {
    if (!r.emailTo) continue;
    try {
      await mailer.send({
        to: r.emailTo,
        subject: `[Phủ Xanh] ${r.reason === 'late' ? 'Báo cáo quá hạn' : 'Nhắc nộp báo cáo'}: ${r.loaded.type.name}`,
        text: `${describe(r, today)}\n\nVui lòng đăng nhập Phủ Xanh để hoàn thành và gửi báo cáo.`,
      });
      await deps.db
        .update(reportReminders)
        .set({ emailedAt: currentInstant(deps) })
        .where(eq(reportReminders.id, r.reminderId));
      sent.add(r.reminderId);
    } catch (error) {
      console.error(`Không gửi được email nhắc báo cáo tới ${r.emailTo}: ${String(error)}`);
    }
  }
  return sent;
}
