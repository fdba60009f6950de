import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { World } from './contests.test-helpers.ts';
import { buildContest, buildWorld, pub } from './contests.test-helpers.ts';

/** The public unit search is limited per address, like registration and starting attempts. */
describe('public contest limits', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await buildTestApp({ config: { contestPowBits: 4, contestRateLimit: 2 } });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with a Vietnamese message once an address searched units too often', async () => {
    const c = await buildContest(t, w);
    const search = () => pub(t, 'GET', `/${c.id}/units?q=${encodeURIComponent('doan xa')}`, null);
    for (let i = 0; i < 10; i++) expect((await search()).status).toBe(200);
    const limited = await search();
    expect(limited.status).toBe(429);
    expect(limited.raw).toMatch(/[àáảãạăâđêôơư]/i);
  });
});
