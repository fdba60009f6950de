/**
 * The public contest API (docs/API.md, "Public API"), typed for this page. No account: the
 * participant is the httpOnly cookie the registration sets for this contest's API path.
 */

export type RoundStatus = 'upcoming' | 'open' | 'over' | 'closed';
export type ReviewPolicy = 'after_round' | 'score_after_submit' | 'full_after_submit';

export type PublicContest = {
  id: string;
  title: string;
  rules: string;
  audience: 'public' | 'members';
  reviewPolicy: ReviewPolicy;
  organiser: string;
  timeLimitKind: 'none' | 'per_attempt' | 'per_question';
  timeLimitSeconds: number | null;
  attemptsPerRound: number | null;
  questionCount: number;
  hasPrediction: boolean;
  rounds: {
    id: string;
    number: number;
    topic: string;
    opensAt: string;
    closesAt: string;
    status: RoundStatus;
  }[];
};

export type Standing = {
  participant: { fullName: string; phone: string; isMember: boolean };
  activeAttemptId: string | null;
  rounds: {
    roundId: string;
    attemptsUsed: number;
    attemptsLeft: number | null;
    best: { score: number; maxScore: number; durationMs: number } | null;
  }[];
};

export type Answer = { questionId: string; optionIds: string[] };

export type Attempt = {
  id: string;
  roundId: string;
  status: 'active' | 'on_time' | 'late' | 'expired';
  startedAt: string;
  endsAt: string | null;
  serverTime: string;
  hasPrediction: boolean;
  questions: {
    id: string;
    kind: 'single' | 'multiple';
    text: string;
    options: { id: string; text: string }[];
  }[];
  answers: Answer[];
};

export type Submitted = {
  id: string;
  status: 'on_time' | 'late' | 'expired';
  submittedAt: string;
  durationMs: number;
  prediction: number | null;
  result?: { score: number; maxScore: number; correctCount: number; questionCount: number };
  review?: { questionId: string; correctOptionIds: string[]; explanation: string | null }[];
};

export type Results = {
  round: { id: string; number: number; trueCount: number; participantCount: number };
  items: {
    rank: number;
    name: string;
    phone: string;
    unit: string | null;
    score: number;
    prize: string | null;
    tiedWithPrevious: boolean;
  }[];
  page: number;
  pageSize: number;
  total: number;
};

export type UnitHit = { id: string; name: string; context: string };

export type RegisterInput = {
  fullName: string;
  phone: string;
  birthYear: number;
  unitId: string | null;
  unitText: string | null;
  idNumber: string | null;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '', null);
  }
  const data = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; details?: unknown };
  } | null;
  if (!response.ok) {
    const error = data?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http',
      error?.message ?? '',
      error?.details,
    );
  }
  return data as T;
}

/** The API of one contest. */
export function contestApi(contestId: string) {
  const base = `/api/public/contests/${contestId}`;
  return {
    contest: () =>
      request<{ contest: PublicContest; serverTime: string }>('GET', base).then((r) => r.contest),
    standing: () => request<Standing>('GET', `${base}/me`),
    units: (q: string) =>
      request<{ items: UnitHit[] }>('GET', `${base}/units?q=${encodeURIComponent(q)}`).then(
        (r) => r.items,
      ),
    challenge: () => request<{ challenge: string; difficulty: number }>('GET', `${base}/challenge`),
    register: (input: RegisterInput & { challenge: string; solution: string }) =>
      request<unknown>('POST', `${base}/participants`, input),
    start: () => request<{ attempt: Attempt }>('POST', `${base}/attempts`).then((r) => r.attempt),
    attempt: (id: string) =>
      request<{ attempt: Attempt }>('GET', `${base}/attempts/${id}`).then((r) => r.attempt),
    save: (id: string, answers: Answer[]) =>
      request<{ saved: number }>('PUT', `${base}/attempts/${id}/answers`, { answers }),
    submit: (id: string, answers: Answer[], prediction: number | null) =>
      request<{ attempt: Submitted }>('POST', `${base}/attempts/${id}/submit`, {
        answers,
        ...(prediction === null ? {} : { prediction }),
      }).then((r) => r.attempt),
    certificates: () =>
      request<{ items: { roundId: string; code: string; downloadPath: string }[] }>(
        'GET',
        `${base}/certificates`,
      ).then((r) => r.items),
    results: (roundId: string, page: number) =>
      request<Results>('GET', `${base}/rounds/${roundId}/results?page=${page}`),
  };
}
export type ContestApi = ReturnType<typeof contestApi>;
