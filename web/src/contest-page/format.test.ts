import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime } from './format.ts';
import { parseRoute } from './route.ts';

const id = '0b6f2c1e-1111-4222-8333-444455556666';

describe('contest page formats and routes', () => {
  it('shows instants in Vietnam time as dd/mm/yyyy HH:mm, and a countdown', () => {
    expect(formatDateTime('2026-11-22T00:00:00.000Z')).toBe('22/11/2026 07:00');
    expect(formatDateTime('2026-12-31T17:05:00.000Z')).toBe('01/01/2027 00:05');
    expect(formatClock(65_000)).toBe('01:05');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5)).toBe('00:00');
  });

  it('knows its two paths and nothing else', () => {
    expect(parseRoute(`/thi/${id}`)).toEqual({ kind: 'contest', contestId: id });
    expect(parseRoute(`/thi/${id}/ket-qua/${id}`)).toEqual({
      kind: 'results',
      contestId: id,
      roundId: id,
    });
    expect(parseRoute('/thi/khong-phai-ma')).toEqual({ kind: 'unknown' });
  });
});
