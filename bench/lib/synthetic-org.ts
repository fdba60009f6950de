import { foldForSearch } from '../../common/text.ts';
import type { Rng } from './prng.ts';
import { createRng } from './prng.ts';
import {
  AFFILIATED_UNIONS,
  AGENCY_NAMES,
  ENTERPRISE_NAMES,
  PLACE_SYLLABLES,
  PROVINCES,
  SCHOOL_NAMES,
} from './vietnamese-names.ts';

/**
 * A national-scale synthetic organisation, built in memory and deterministic for a seed:
 *
 *   central → 34 provinces + affiliated unions → legacy districts → grassroots → chapters
 *
 * The legacy districts close on 2025-07-01 (the end of the district level). Their grassroots
 * units move up to the province on that day, so each moved unit — and every chapter below it,
 * since the path is materialised — has one version before and one after, like the real
 * restructuring. Some units were also renamed earlier, some chapters closed before, and a few
 * were created after.
 */

export const RESTRUCTURE_DATE = '2025-07-01';
export const DAY_BEFORE_RESTRUCTURE = '2025-06-30';

/** Which kind of people a unit holds; drives categories and birth dates in the SQL generator. */
export const PROFILES = [
  'staff_upper',
  'staff',
  'commune',
  'highschool',
  'school',
  'agency',
  'enterprise',
] as const;
export type Profile = (typeof PROFILES)[number];
type GrassrootsProfile = 'commune' | 'highschool' | 'school' | 'agency' | 'enterprise';

export type UnitRow = {
  id: string;
  seq: number;
  code: string;
  wing: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  establishedOn: string;
  closedOn: string | null;
};

export type VersionRow = {
  unitId: string;
  parentId: string | null;
  name: string;
  shortName: string;
  searchName: string;
  kind: string;
  path: string;
  validFrom: string;
  validTo: string | null;
  eventId: string | null;
};

export type EventRow = {
  id: string;
  kind: string;
  effectiveDate: string;
  reason: string;
  payload: unknown;
};

/** `n` people belong to `unitId`; they get the generator indices start … start + n − 1. */
export type PeopleSlot = { unitId: string; profile: Profile; start: number; n: number };

export type ProvinceRef = { id: string; code: string; name: string; path: string };

export type SyntheticOrg = {
  units: UnitRow[];
  versions: VersionRow[];
  events: EventRow[];
  slots: PeopleSlot[];
  central: ProvinceRef;
  provinces: ProvinceRef[];
  counts: Record<
    'central' | 'province' | 'affiliated' | 'district' | 'grassroots' | 'chapter',
    number
  >;
  peopleTotal: number;
};

type Node = {
  id: string;
  seq: number;
  code: string;
  kind: 'central' | 'province' | 'affiliated' | 'district' | 'grassroots' | 'chapter';
  wing: string;
  name: string;
  shortName: string;
  /** Name before `renamedOn`. */
  oldName: string | null;
  renamedOn: string | null;
  establishedOn: string;
  closedOn: string | null;
  /** Placement before RESTRUCTURE_DATE and from it on (the same object when nothing moved). */
  parentBefore: Node | null;
  parentAfter: Node | null;
  pathBefore: string;
  pathAfter: string;
  /** The 2025-07-01 event that moved this unit (or an ancestor). */
  moveEventId: string | null;
  profile: GrassrootsProfile | null;
  address: string | null;
  phone: string | null;
  email: string | null;
};

const LAST_DAY = '2026-10-31';

/** Splits `total` into integer shares proportional to `weights` (largest remainder), each ≥ `min`. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const base = weights.map(() => min);
  const rest = total - min * weights.length;
  if (rest < 0) throw new Error(`cannot give ${min} to each of ${weights.length} from ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const shares = exact.map((x, i) => base[i]! + Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]![1]]! += 1;
  return shares;
}

function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`.replace('-02-29', '-02-28');
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function buildSyntheticOrg(options: {
  units: number;
  people: number;
  seed?: number;
}): SyntheticOrg {
  const rng: Rng = createRng(options.seed ?? 20250701);
  const totalUnits = options.units;
  if (totalUnits < 1000) throw new Error('BENCH_UNITS must be at least 1000');

  const nAffiliated = AFFILIATED_UNIONS.length;
  const nDistricts = Math.max(PROVINCES.length, Math.round(totalUnits * 0.0034));
  const nGrassroots = Math.round(totalUnits * 0.06);
  const nChapters = totalUnits - 1 - PROVINCES.length - nAffiliated - nDistricts - nGrassroots;
  if (nChapters < nGrassroots) throw new Error('too few units for the tree shape');

  const nodes: Node[] = [];
  const events: EventRow[] = [];
  let seq = 0;
  const place = () => `${rng.pick(PLACE_SYLLABLES)} ${rng.pick(PLACE_SYLLABLES)}`;

  const addNode = (
    fields: Pick<Node, 'code' | 'kind' | 'wing' | 'name' | 'shortName' | 'establishedOn'> &
      Partial<Pick<Node, 'closedOn' | 'profile' | 'address' | 'phone' | 'email'>>,
    parentBefore: Node | null,
    parentAfter: Node | null = parentBefore,
  ): Node => {
    seq += 1;
    const label = `u${seq}`;
    const node: Node = {
      id: rng.uuid(),
      seq,
      oldName: null,
      renamedOn: null,
      closedOn: null,
      profile: null,
      address: null,
      phone: null,
      email: null,
      ...fields,
      parentBefore,
      parentAfter,
      pathBefore: parentBefore ? `${parentBefore.pathBefore}.${label}` : label,
      pathAfter: parentAfter ? `${parentAfter.pathAfter}.${label}` : label,
      moveEventId: null,
    };
    nodes.push(node);
    return node;
  };
  const contact = (code: string, street: string) => ({
    address: `Số ${rng.int(1, 300)} đường ${street}`,
    phone: `02${rng.int(10, 99)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    email: `${code.toLowerCase()}@doanthanhnien.vn`,
  });

  const central = addNode(
    {
      code: 'TW',
      kind: 'central',
      wing: 'doan',
      name: 'Trung ương Đoàn TNCS Hồ Chí Minh',
      shortName: 'Trung ương Đoàn',
      establishedOn: '1931-03-26',
      ...contact('TW', 'Quán Sứ'),
    },
    null,
  );

  const provinces = PROVINCES.map(([name, isCity], i) => {
    const code = `P${String(i + 1).padStart(2, '0')}`;
    return addNode(
      {
        code,
        kind: 'province',
        wing: 'doan',
        name: `${isCity ? 'Thành đoàn' : 'Tỉnh đoàn'} ${name}`,
        shortName: name,
        establishedOn: '1976-07-02',
        ...contact(code, rng.pick(SCHOOL_NAMES)),
      },
      central,
    );
  });
  const affiliated = AFFILIATED_UNIONS.map(([name, shortName], i) => {
    const code = `A${String(i + 1).padStart(2, '0')}`;
    return addNode(
      {
        code,
        kind: 'affiliated',
        wing: 'doan',
        name,
        shortName,
        establishedOn: '1990-01-01',
        ...contact(code, 'Quán Sứ'),
      },
      central,
    );
  });

  const weights = PROVINCES.map(([, , population]) => population);
  const districtsPerProvince = apportion(nDistricts, weights, 1);
  const nAffiliatedGrassroots = Math.max(nAffiliated, Math.round(nGrassroots * 0.05));
  const grassrootsPerProvince = apportion(nGrassroots - nAffiliatedGrassroots, weights, 2);
  const grassrootsPerAffiliated = apportion(
    nAffiliatedGrassroots,
    affiliated.map(() => 1),
  );

  let grassrootsNo = 0;
  const grassroots: Node[] = [];
  const addGrassroots = (
    profile: GrassrootsProfile,
    top: Node,
    district: Node | null,
    localPlace: string,
  ) => {
    grassrootsNo += 1;
    const code = `${top.code}-CS${String(grassrootsNo).padStart(6, '0')}`;
    const school = rng.pick(SCHOOL_NAMES);
    let name: string;
    let shortName: string;
    let wing = 'doan';
    switch (profile) {
      case 'commune': {
        const level = rng.chance(0.7) ? 'xã' : 'phường';
        shortName = `${level} ${localPlace}`;
        name = `Đoàn ${shortName}`;
        break;
      }
      case 'highschool':
        shortName = `THPT ${school}`;
        name = `Đoàn trường THPT ${school}`;
        break;
      case 'school':
        shortName = `THCS ${school}`;
        name = `Liên đội trường THCS ${school}`;
        wing = 'doi';
        break;
      case 'agency':
        shortName = rng.pick(AGENCY_NAMES);
        name = `Đoàn cơ sở ${shortName} ${localPlace}`;
        break;
      case 'enterprise':
        shortName = rng.pick(ENTERPRISE_NAMES);
        name = `Đoàn cơ sở ${shortName} ${localPlace}`;
        break;
    }
    const establishedOn = rng.date(
      laterOf((district ?? top).establishedOn, '1990-01-01'),
      '2020-12-31',
    );
    const node = addNode(
      {
        code,
        kind: 'grassroots',
        wing,
        name,
        shortName,
        establishedOn,
        profile,
        ...contact(code, school),
      },
      district ?? top,
      top,
    );
    if (district) node.moveEventId = district.moveEventId;
    if (rng.chance(0.15)) {
      node.renamedOn = rng.date(addYears(establishedOn, 1), LAST_DAY);
      node.oldName = `${name.split(' ').slice(0, -2).join(' ')} ${place()}`;
    }
    grassroots.push(node);
  };

  provinces.forEach((province, p) => {
    const provinceName = PROVINCES[p]![0];
    const isCity = PROVINCES[p]![1];
    const districts: Node[] = [];
    for (let d = 0; d < districtsPerProvince[p]!; d++) {
      const code = `${province.code}-H${String(d + 1).padStart(3, '0')}`;
      const localPlace = place();
      const [prefix, label] = isCity
        ? rng.chance(0.5)
          ? ['Quận đoàn', String(d + 1)]
          : ['Huyện đoàn', localPlace]
        : rng.chance(0.85)
          ? ['Huyện đoàn', localPlace]
          : ['Thị đoàn', localPlace];
      const district = addNode(
        {
          code,
          kind: 'district',
          wing: 'doan',
          name: `${prefix} ${label}`,
          shortName: `${prefix.split(' ')[0]} ${label}`,
          establishedOn: rng.date('1976-07-02', '2005-12-31'),
          closedOn: RESTRUCTURE_DATE,
          ...contact(code, rng.pick(SCHOOL_NAMES)),
        },
        province,
      );
      const event: EventRow = {
        id: rng.uuid(),
        kind: 'close',
        effectiveDate: RESTRUCTURE_DATE,
        reason: `Kết thúc hoạt động cấp huyện; các cơ sở đoàn chuyển về ${province.name}`,
        payload: { sources: [district.id], targets: [province.id], successorId: province.id },
      };
      events.push(event);
      district.moveEventId = event.id;
      districts.push(district);
    }
    const total = grassrootsPerProvince[p]!;
    const direct = Math.max(1, Math.round(total * 0.12));
    for (let g = 0; g < total; g++) {
      if (g < direct) {
        const profile = rng.weighted(['agency', 'enterprise', 'highschool'] as const, [50, 30, 20]);
        addGrassroots(profile, province, null, provinceName);
      } else {
        const district = rng.pick(districts);
        const profile = rng.weighted(
          ['commune', 'highschool', 'school', 'agency', 'enterprise'] as const,
          [55, 12, 18, 10, 5],
        );
        addGrassroots(profile, province, district, place());
      }
    }
  });
  affiliated.forEach((union, a) => {
    for (let g = 0; g < grassrootsPerAffiliated[a]!; g++) {
      const profile = rng.weighted(['agency', 'enterprise'] as const, [70, 30]);
      addGrassroots(profile, union, null, place());
    }
  });

  // Chapters, apportioned to grassroots units by a size that depends on the kind of unit.
  const meanChapters: Record<GrassrootsProfile, number> = {
    commune: 15,
    highschool: 30,
    school: 25,
    agency: 6,
    enterprise: 10,
  };
  const chaptersPer = apportion(
    nChapters,
    grassroots.map((g) => meanChapters[g.profile!] * (0.5 + rng.next())),
    1,
  );
  grassroots.forEach((parent, g) => {
    for (let c = 0; c < chaptersPer[g]!; c++) {
      const code = `${parent.code}-${String(c + 1).padStart(3, '0')}`;
      let name: string;
      switch (parent.profile!) {
        case 'commune':
          name = `Chi đoàn ${rng.pick(['thôn', 'ấp', 'khu phố', 'tổ dân phố', 'bản'])} ${c + 1}`;
          break;
        case 'highschool':
          name = `Chi đoàn ${10 + (c % 3)}A${Math.floor(c / 3) + 1}`;
          break;
        case 'school':
          name = `Chi đội ${6 + (c % 4)}A${Math.floor(c / 4) + 1}`;
          break;
        case 'agency':
          name = `Chi đoàn ${rng.pick(['phòng', 'khoa', 'ban', 'tổ'])} ${rng.pick(PLACE_SYLLABLES)} ${c + 1}`;
          break;
        case 'enterprise':
          name = `Chi đoàn phân xưởng ${c + 1}`;
          break;
      }
      const roll = rng.next();
      let establishedOn: string;
      let closedOn: string | null = null;
      if (roll < 0.02) {
        establishedOn = rng.date('2025-07-15', LAST_DAY);
      } else {
        establishedOn = rng.date(laterOf(parent.establishedOn, '1995-01-01'), '2024-12-31');
        if (roll < 0.04 && establishedOn < '2024-06-30') {
          closedOn = rng.date(addYears(establishedOn, 1), DAY_BEFORE_RESTRUCTURE);
        }
      }
      const node = addNode(
        {
          code,
          kind: 'chapter',
          wing: parent.wing,
          name,
          shortName: name.replace(/^Chi (đoàn|đội) /, ''),
          establishedOn,
          closedOn,
          profile: parent.profile,
        },
        parent,
      );
      node.moveEventId = parent.moveEventId;
      if (rng.chance(0.08) && addYears(establishedOn, 1) < LAST_DAY) {
        const renamedOn = rng.date(addYears(establishedOn, 1), LAST_DAY);
        if (!closedOn || renamedOn < closedOn) {
          node.renamedOn = renamedOn;
          node.oldName = `${name} (${rng.pick(PLACE_SYLLABLES)})`;
        }
      }
    }
  });

  // Versions and rename events. Folding is per word, so folding the parts and joining them with
  // one space equals folding the whole; the cache matters because names repeat a lot.
  const folded = new Map<string, string>();
  const fold = (text: string) => {
    let f = folded.get(text);
    if (f === undefined) folded.set(text, (f = foldForSearch(text)));
    return f;
  };
  const units: UnitRow[] = [];
  const versions: VersionRow[] = [];
  for (const node of nodes) {
    units.push({
      id: node.id,
      seq: node.seq,
      code: node.code,
      wing: node.wing,
      address: node.address,
      phone: node.phone,
      email: node.email,
      establishedOn: node.establishedOn,
      closedOn: node.closedOn,
    });
    const end = node.closedOn ?? '9999-12-31';
    const moved = node.pathBefore !== node.pathAfter;
    const cuts = new Set([node.establishedOn]);
    if (node.renamedOn && node.renamedOn > node.establishedOn && node.renamedOn < end) {
      cuts.add(node.renamedOn);
    }
    if (moved && RESTRUCTURE_DATE > node.establishedOn && RESTRUCTURE_DATE < end) {
      cuts.add(RESTRUCTURE_DATE);
    }
    let renameEventId: string | null = null;
    if (cuts.has(node.renamedOn ?? '')) {
      renameEventId = rng.uuid();
      events.push({
        id: renameEventId,
        kind: 'rename',
        effectiveDate: node.renamedOn!,
        reason: 'Đổi tên theo quyết định của cấp ủy',
        payload: { sources: [node.id], targets: [node.id], oldName: node.oldName, name: node.name },
      });
    }
    const starts = [...cuts].sort();
    starts.forEach((from, k) => {
      const before = from < RESTRUCTURE_DATE;
      const parent = before ? node.parentBefore : node.parentAfter;
      const name = node.renamedOn && from < node.renamedOn ? node.oldName! : node.name;
      versions.push({
        unitId: node.id,
        parentId: parent?.id ?? null,
        name,
        shortName: node.shortName,
        searchName: `${fold(name)} ${fold(node.shortName)} ${node.code.toLowerCase()}`,
        kind: node.kind,
        path: before ? node.pathBefore : node.pathAfter,
        validFrom: from,
        validTo: starts[k + 1] ?? node.closedOn,
        eventId:
          from === RESTRUCTURE_DATE && k > 0 && moved
            ? node.moveEventId
            : from === node.renamedOn
              ? renameEventId
              : null,
      });
    });
  }

  // People: staff on every open unit above the chapters, the rest spread over open chapters.
  const slots: PeopleSlot[] = [];
  const chapterSlots: { unitId: string; profile: Profile; weight: number }[] = [];
  const meanPeople: Record<GrassrootsProfile, number> = {
    commune: 20,
    highschool: 40,
    school: 35,
    agency: 10,
    enterprise: 15,
  };
  for (const node of nodes) {
    if (node.closedOn) continue;
    switch (node.kind) {
      case 'central':
        slots.push({ unitId: node.id, profile: 'staff_upper', start: 0, n: 150 });
        break;
      case 'province':
      case 'affiliated':
        slots.push({ unitId: node.id, profile: 'staff_upper', start: 0, n: rng.int(30, 80) });
        break;
      case 'grassroots':
        slots.push({ unitId: node.id, profile: 'staff', start: 0, n: rng.int(2, 5) });
        break;
      case 'chapter':
        chapterSlots.push({
          unitId: node.id,
          profile: node.profile!,
          weight: meanPeople[node.profile!] * (0.3 + 1.4 * rng.next()),
        });
        break;
      case 'district':
        break;
    }
  }
  let staff = slots.reduce((a, s) => a + s.n, 0);
  if (staff > options.people * 0.2) {
    // Small smoke runs: shrink the staff so members still dominate.
    const factor = (options.people * 0.2) / staff;
    for (const s of slots) s.n = Math.max(1, Math.floor(s.n * factor));
    staff = slots.reduce((a, s) => a + s.n, 0);
  }
  const perChapter = apportion(
    options.people - staff,
    chapterSlots.map((c) => c.weight),
  );
  chapterSlots.forEach((c, i) => {
    if (perChapter[i]! > 0)
      slots.push({ unitId: c.unitId, profile: c.profile, start: 0, n: perChapter[i]! });
  });
  // People of a unit are contiguous (they arrive by per-unit import) but units are interleaved.
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  let start = 0;
  for (const s of slots) {
    s.start = start;
    start += s.n;
  }

  const ref = (n: Node): ProvinceRef => ({
    id: n.id,
    code: n.code,
    name: n.name,
    path: n.pathAfter,
  });
  const count = (kind: Node['kind']) => nodes.filter((n) => n.kind === kind).length;
  return {
    units,
    versions,
    events,
    slots,
    central: ref(central),
    provinces: provinces.map(ref),
    counts: {
      central: count('central'),
      province: count('province'),
      affiliated: count('affiliated'),
      district: count('district'),
      grassroots: count('grassroots'),
      chapter: count('chapter'),
    },
    peopleTotal: start,
  };
}
