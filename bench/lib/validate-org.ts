import { foldForSearch } from '../../common/text.ts';
import type { SyntheticOrg, VersionRow } from './synthetic-org.ts';

/**
 * Checks the invariants the org module relies on, so a generator bug cannot pass for a slow
 * query: versions of a unit tile [established_on, closed_on) without gap or overlap; a path ends
 * with the unit's own label and extends the parent's path on every day the version holds.
 */
export function validateOrg(org: SyntheticOrg): void {
  const fail = (msg: string): never => {
    throw new Error(`synthetic org invalid: ${msg}`);
  };
  const byUnit = new Map<string, VersionRow[]>();
  for (const v of org.versions) {
    const list = byUnit.get(v.unitId);
    if (list) list.push(v);
    else byUnit.set(v.unitId, [v]);
  }
  const codes = new Set<string>();
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  for (let i = 0; i < org.versions.length; i += 97) {
    const v = org.versions[i]!;
    const u = unitById.get(v.unitId)!;
    if (v.searchName !== foldForSearch(`${v.name} ${v.shortName} ${u.code}`)) {
      fail(`search name of ${u.code} is not foldForSearch of its name`);
    }
  }
  for (const u of org.units) {
    if (codes.has(u.code)) fail(`duplicate code ${u.code}`);
    codes.add(u.code);
    const list = byUnit.get(u.id);
    if (!list) return fail(`unit ${u.code} has no version`);
    list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    if (list[0]!.validFrom !== u.establishedOn) fail(`unit ${u.code} starts late`);
    list.forEach((v, k) => {
      const next = list[k + 1];
      if ((next ? next.validFrom : u.closedOn) !== v.validTo) fail(`unit ${u.code} has a gap`);
      if (v.validTo !== null && v.validTo <= v.validFrom) fail(`unit ${u.code} empty interval`);
      if (!v.path.endsWith(`u${u.seq}`)) fail(`unit ${u.code} path ${v.path}`);
      if (!v.parentId) return;
      const parentPath = v.path.slice(0, v.path.lastIndexOf('.'));
      for (const pv of byUnit.get(v.parentId) ?? []) {
        const overlaps =
          (pv.validTo === null || pv.validTo > v.validFrom) &&
          (v.validTo === null || pv.validFrom < v.validTo);
        if (overlaps && pv.path !== parentPath) fail(`unit ${u.code} path disagrees with parent`);
      }
      const covered = (byUnit.get(v.parentId) ?? []).some(
        (pv) => pv.validFrom <= v.validFrom && (pv.validTo === null || pv.validTo > v.validFrom),
      );
      if (!covered) fail(`unit ${u.code} starts before its parent`);
    });
  }
  const seen = org.slots.reduce((a, s) => a + s.n, 0);
  if (seen !== org.peopleTotal) fail('people slots do not add up');
}
