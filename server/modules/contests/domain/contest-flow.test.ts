import { describe, expect, it } from 'vitest';
import type { BankQuestion } from './draw.ts';
import { drawQuestions, prepareQuestionBank } from './draw.ts';
import { maskName } from './masking.ts';
import { assignPrizes } from './prize-ladder.ts';
import type { RoundAttempt } from './ranking.ts';
import { rankRound } from './ranking.ts';
import { buildRoundWindows, findOpenRound } from './round-window.ts';
import type { AnswerKey } from './scoring.ts';
import { scoreAttempt } from './scoring.ts';
import type { RecordedAnswer } from './timing.ts';
import { DEFAULT_GRACE_MS, selectCountedAnswers } from './timing.ts';
import { parseVietnamTime } from './vietnam-time.ts';

/**
 * The pieces wired together the way the service will: a round, a drawn quiz, answers recorded by
 * the server, the counted answers scored, the round ranked and its prizes handed out.
 */
describe('one round, end to end', () => {
  const bank: BankQuestion[] = [];
  const keys = new Map<string, AnswerKey>();
  for (const categoryId of ['lich-su', 'phap-luat']) {
    for (let q = 1; q <= 4; q++) {
      const id = `${categoryId}-${q}`;
      bank.push({ id, categoryId, optionIds: [`${id}-a`, `${id}-b`, `${id}-c`] });
      keys.set(id, { questionId: id, kind: 'single', correctOptionIds: [`${id}-a`] });
    }
  }
  const prepared = prepareQuestionBank(bank, [
    { categoryId: 'lich-su', count: 2 },
    { categoryId: 'phap-luat', count: 1 },
  ]);
  const [round] = buildRoundWindows({
    start: parseVietnamTime('2025-03-03 00:00'),
    count: 1,
    rule: { opensOn: 3, opensAt: '10:00', closesOn: 3, closesAt: '09:00' },
  });

  type Person = {
    name: string;
    seed: number;
    startMinute: number;
    /** Seconds after the start at which each answer is recorded; wrong answers pick option b. */
    answers: { second: number; isRight: boolean }[];
    submitSecond: number;
    prediction: number;
  };

  function takeAttempt(person: Person): RoundAttempt & { name: string } {
    const startedAt = round!.opensAt + person.startMinute * 60_000;
    expect(findOpenRound([round!], startedAt)).toBe(round);
    const questions = drawQuestions(prepared, person.seed);
    const recorded: RecordedAnswer[] = person.answers.map((answer, i) => {
      const question = questions[i]!;
      const option = `${question.questionId}-${answer.isRight ? 'a' : 'b'}`;
      return {
        questionId: question.questionId,
        optionIds: [option],
        recordedAt: startedAt + answer.second * 1000,
      };
    });
    const counted = selectCountedAnswers({
      clock: {
        startedAt,
        limit: { kind: 'per_attempt', seconds: 120 },
        graceMs: DEFAULT_GRACE_MS,
        questionCount: questions.length,
        roundClosesAt: round!.closesAt,
      },
      questions,
      answers: recorded,
      submittedAt: startedAt + person.submitSecond * 1000,
    });
    const score = scoreAttempt(
      questions.map((q) => keys.get(q.questionId)!),
      counted.counted,
    );
    return {
      attemptId: `${person.name}-${person.seed}`,
      participantId: person.name,
      name: person.name,
      score: score.score,
      isAllCorrect: score.isAllCorrect,
      prediction: person.prediction,
      startedAt,
      submittedAt: counted.effectiveSubmittedAt,
      registeredAt: round!.opensAt - 86_400_000,
    };
  }

  const right = (second: number) => ({ second, isRight: true });

  it('ranks by score, prediction and time, and masks the winners', () => {
    const attempts = [
      // All right, but the third answer arrives after the limit and the grace: 2 points.
      takeAttempt({
        name: 'Nguyễn Văn An',
        seed: 1,
        startMinute: 0,
        answers: [right(10), right(20), right(126)],
        submitSecond: 126,
        prediction: 2,
      }),
      // All right inside the grace; predicts 2 — the true count is 2.
      takeAttempt({
        name: 'Trần Thị Bình',
        seed: 2,
        startMinute: 5,
        answers: [right(10), right(20), right(124)],
        submitSecond: 124,
        prediction: 2,
      }),
      // All right, fast, but predicts 9.
      takeAttempt({
        name: 'Lê Hoàng Cường',
        seed: 3,
        startMinute: 1,
        answers: [right(5), right(6), right(7)],
        submitSecond: 8,
        prediction: 9,
      }),
      // One wrong answer, submitted quickly: level with An on score and prediction, earlier.
      takeAttempt({
        name: 'Phạm Minh Dũng',
        seed: 4,
        startMinute: 0,
        answers: [right(5), { second: 6, isRight: false }, right(7)],
        submitSecond: 8,
        prediction: 2,
      }),
    ];
    const ranking = rankRound(attempts, {
      timeMode: 'since_round_start',
      roundOpensAt: round!.opensAt,
    });
    expect(ranking.trueCount).toBe(2);
    expect(ranking.entries.map((e) => [e.attempt.name, e.attempt.score])).toEqual([
      ['Trần Thị Bình', 3],
      ['Lê Hoàng Cường', 3],
      ['Phạm Minh Dũng', 2],
      ['Nguyễn Văn An', 2],
    ]);
    // An's late submission ranks at the deadline (limit + grace), not when it arrived.
    expect(ranking.entries[3]!.timeMs).toBe(125_000);
    const prizes = assignPrizes(ranking.entries, [
      { prize: 'Nhất', count: 1 },
      { prize: 'Nhì', count: 1 },
    ]);
    expect(prizes.awards.map((a) => `${a.prize}: ${maskName(a.entry.attempt.name)}`)).toEqual([
      'Nhất: Trần T. B.',
      'Nhì: Lê H. C.',
    ]);
  });
});
