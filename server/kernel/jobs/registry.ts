import type { JobDefinition } from './job-definition.ts';

/** Any job definition, its payload type forgotten (the registry checks payloads at run time). */
export type AnyJobDefinition = JobDefinition<unknown, unknown>;

/** The kinds of job this process can run. Built once at app build; modules add their handlers. */
export type JobRegistry = {
  register(definition: AnyJobDefinition): void;
  get(kind: string): AnyJobDefinition | undefined;
  kinds(): string[];
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The job kinds registered by the modules; main.ts (and tests) start a runner over it. */
    jobs: JobRegistry;
  }
}

export function createJobRegistry(): JobRegistry {
  const byKind = new Map<string, AnyJobDefinition>();
  return {
    register(definition) {
      if (byKind.has(definition.kind)) {
        throw new Error(`Job kind "${definition.kind}" is registered twice`);
      }
      byKind.set(definition.kind, definition);
    },
    get: (kind) => byKind.get(kind),
    kinds: () => [...byKind.keys()].sort(),
  };
}
