export type Route =
  | { kind: 'contest'; contestId: string }
  | { kind: 'results'; contestId: string; roundId: string }
  | { kind: 'unknown' };

const UUID = '[0-9a-fA-F-]{36}';

/** /thi/:contestId and /thi/:contestId/ket-qua/:roundId; nothing else lives in this entry. */
export function parseRoute(pathname: string): Route {
  const results = new RegExp(`^/thi/(${UUID})/ket-qua/(${UUID})/?$`).exec(pathname);
  if (results) return { kind: 'results', contestId: results[1]!, roundId: results[2]! };
  const contest = new RegExp(`^/thi/(${UUID})/?$`).exec(pathname);
  if (contest) return { kind: 'contest', contestId: contest[1]! };
  return { kind: 'unknown' };
}
