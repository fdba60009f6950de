import { JOB_STATUS_LABELS } from '../../../../common/jobs.ts';

/** Strings of the background job progress bar (<JobProgress jobId>). */
export const viJobs = {
  status: JOB_STATUS_LABELS,
  progress: '{{done}} / {{total}}',
  progressLabel: 'Tiến độ công việc',
  lostTrack: 'Không theo dõi được tiến độ công việc.',
};

export const enJobs: typeof viJobs = {
  status: { queued: 'Waiting', running: 'In progress', done: 'Done', failed: 'Failed' },
  progress: '{{done}} / {{total}}',
  progressLabel: 'Job progress',
  lostTrack: 'The job’s progress cannot be followed.',
};
