/** Background jobs: the kernel's surface for modules (define, enqueue) and for the process (run). */
export type { JobContext, JobDefinition } from './job-definition.ts';
export { defineJob, JobFailure, JobInterrupted } from './job-definition.ts';
export type { EnqueueMeta } from './enqueue.ts';
export { enqueueJob } from './enqueue.ts';
export type { AnyJobDefinition, JobRegistry } from './registry.ts';
export { createJobRegistry } from './registry.ts';
export type { JobLogger, JobRunner, JobRunnerOptions } from './runner.ts';
export { createJobRunner } from './runner.ts';
export type { UnitPathLookup } from './jobs.access.ts';
export { jobRoutes } from './jobs.routes.ts';
export { jobs } from './jobs.table.ts';
