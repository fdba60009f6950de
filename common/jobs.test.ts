import { describe, expect, it } from 'vitest';
import { isJobFinished, jobPercent } from './jobs.ts';

describe('job progress for the progress bar', () => {
  it('is unknown until the total is known', () => {
    expect(jobPercent({ status: 'running', progress: { done: 0, total: null } })).toBeNull();
  });

  it('rounds down and never shows 100 % before the job has finished', () => {
    expect(jobPercent({ status: 'running', progress: { done: 333, total: 1000 } })).toBe(33);
    expect(jobPercent({ status: 'running', progress: { done: 1000, total: 1000 } })).toBe(99);
    expect(jobPercent({ status: 'queued', progress: { done: 0, total: 10 } })).toBe(0);
  });

  it('is 100 % once done, and keeps where it stopped when it failed', () => {
    expect(jobPercent({ status: 'done', progress: { done: 7, total: null } })).toBe(100);
    expect(jobPercent({ status: 'failed', progress: { done: 250, total: 1000 } })).toBe(25);
  });

  it('tells finished states apart from the ones still moving', () => {
    expect(isJobFinished('done')).toBe(true);
    expect(isJobFinished('failed')).toBe(true);
    expect(isJobFinished('queued')).toBe(false);
    expect(isJobFinished('running')).toBe(false);
  });
});
