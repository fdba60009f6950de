import type { CategoryView } from './contests.types.ts';

/** Category id → its path ("Lịch sử Đoàn > Giai đoạn 1931–1945"), as the spreadsheet names it. */
export function categoryPaths(categories: CategoryView[]): Map<string, string> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path = (c: CategoryView, depth = 0): string => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    return parent && depth < 20 ? `${path(parent, depth + 1)} > ${c.name}` : c.name;
  };
  return new Map(categories.map((c) => [c.id, path(c)]));
}

/** The category and every category below it. */
export function subtree(categories: CategoryView[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of categories) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}
