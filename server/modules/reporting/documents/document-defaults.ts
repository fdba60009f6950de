import type { UnitAsOf } from '../../org/index.ts';
import type { ReportDocument } from '../reporting.contracts.ts';

/**
 * What a Union document says about its issuer when nobody has written it yet: the header lines,
 * the place in the date line and the signature block, derived from the unit. Every field stays
 * editable on the report; plans are exported with these defaults.
 */

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** "Tỉnh đoàn Tây Ninh" → "Tây Ninh"; the central level sits in Hà Nội. */
export function placeOf(unit: Pick<UnitAsOf, 'name' | 'kind'>): string {
  if (unit.kind === 'central') return 'Hà Nội';
  const stripped = unit.name
    .replace(
      /^(Tỉnh đoàn|Thành đoàn|Huyện đoàn|Thị đoàn|Quận đoàn|Đoàn (xã|phường|thị trấn|khối|trường)|Đoàn|Chi đoàn)\s+/iu,
      '',
    )
    .trim();
  return stripped || unit.name;
}

/** "BCH TỈNH ĐOÀN TÂY NINH"; the central committee writes "BAN CHẤP HÀNH TRUNG ƯƠNG". */
export function issuingBodyOf(unit: Pick<UnitAsOf, 'name' | 'kind'>): string {
  return unit.kind === 'central' ? 'BAN CHẤP HÀNH TRUNG ƯƠNG' : `BCH ${upper(unit.name)}`;
}

function onBehalfOf(kind: string): string {
  if (kind === 'central') return 'TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN';
  if (kind === 'grassroots' || kind === 'chapter') return 'T/M BAN CHẤP HÀNH';
  return 'T/M BAN THƯỜNG VỤ';
}

export function documentDefaults(
  unit: Pick<UnitAsOf, 'name' | 'kind'>,
  parent: Pick<UnitAsOf, 'name'> | null,
  receiver: Pick<UnitAsOf, 'name'> | null,
): ReportDocument {
  const below = unit.kind !== 'central' && unit.kind !== 'province';
  return {
    number: null,
    place: placeOf(unit),
    date: null,
    superiorBody: below && parent ? upper(parent.name) : null,
    issuingBody: issuingBodyOf(unit),
    recipients: [...(receiver ? [`${receiver.name} (để báo cáo);`] : []), 'Lưu VP.'],
    signature: { onBehalfOf: onBehalfOf(unit.kind), role: 'BÍ THƯ', name: '' },
  };
}
