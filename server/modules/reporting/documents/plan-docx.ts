import { formatNumber } from '../../../../common/format.ts';
import { COMPARATOR_LABELS, PLAN_KIND_LABELS } from '../../../../common/planning.ts';
import type { PlanKind } from '../../../../common/planning.ts';
import type { UnitAsOf } from '../../org/index.ts';
import type { PlanDetailResponse } from '../../planning/index.ts';
import {
  blocks,
  closingBlock,
  grid,
  headerBlock,
  packDocument,
  para,
  sectionHeading,
  text,
  titleBlock,
} from './docx-layout.ts';
import { documentDefaults } from './document-defaults.ts';

/** A plan in the Union's layout: "Số: …-KH/…", the three sections, the targets, the tasks. */
export async function renderPlanDocx(
  detail: PlanDetailResponse,
  issuer: Pick<UnitAsOf, 'name' | 'kind'>,
  parent: Pick<UnitAsOf, 'name'> | null,
): Promise<Buffer> {
  const { plan } = detail;
  const document = {
    ...documentDefaults(issuer, parent, null),
    number: plan.number,
    date: plan.issueDate,
    recipients: ['Các đơn vị trực thuộc;', 'Lưu VP.'],
  };
  const kind = (PLAN_KIND_LABELS[plan.kind as PlanKind] ?? 'Kế hoạch').toLocaleUpperCase('vi');
  const basis = plan.implements.map((p) =>
    para([
      text(`Căn cứ ${p.number ? `Kế hoạch số ${p.number} ` : ''}“${p.title}” của ${p.unitName};`, {
        italics: true,
      }),
    ]),
  );
  const targets = detail.targets.map((t) =>
    para([
      text(
        `- ${t.label ?? t.indicatorName}: ${COMPARATOR_LABELS[t.comparator].toLowerCase()} ${formatNumber(t.value)}${t.unitLabel === '%' ? '%' : ` ${t.unitLabel}`} (${t.period.label}).`,
      ),
    ]),
  );
  const tasks = detail.tasks.length
    ? [
        grid(
          ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'],
          detail.tasks.map((t, i) => [
            String(i + 1),
            t.description,
            t.leadUnit.name,
            t.cooperatingUnits.map((u) => u.name).join(', '),
            t.deadline.label,
          ]),
          [6, 38, 18, 18, 20],
        ),
      ]
    : [];
  return packDocument([
    headerBlock(document, 'KH'),
    ...titleBlock(kind, plan.title),
    ...basis,
    sectionHeading('I. MỤC ĐÍCH, YÊU CẦU'),
    ...blocks(detail.plan.body.purpose),
    sectionHeading('II. CHỈ TIÊU'),
    ...targets,
    sectionHeading('III. NỘI DUNG'),
    ...blocks(detail.plan.body.content),
    ...tasks,
    sectionHeading('IV. TỔ CHỨC THỰC HIỆN'),
    ...blocks(detail.plan.body.organisation),
    closingBlock(document),
  ]);
}
