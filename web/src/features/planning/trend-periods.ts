export const MAX_QUARTERS = 12;

/** The quarters of a target's window up to the as-of date: '2026-Q1', '2026-Q2'… */
export function windowQuarters(from: string, to: string, asOf: string): string[] {
  const end = to < asOf ? to : asOf;
  const quarters: string[] = [];
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const endYear = Number(end.slice(0, 4));
  const endQ = Math.floor((Number(end.slice(5, 7)) - 1) / 3) + 1;
  while (year < endYear || (year === endYear && q <= endQ)) {
    quarters.push(`${year}-Q${q}`);
    q += 1;
    if (q > 4) {
      q = 1;
      year += 1;
    }
  }
  return quarters.slice(-MAX_QUARTERS);
}
