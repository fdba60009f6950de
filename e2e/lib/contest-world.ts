import { call, ok } from '../../server/test/api.ts';
import { buildNation, buildUser } from '../../server/test/factories.ts';
import type { TestApp } from '../../server/test/test-app.ts';

export const SECRET_EXPLANATION = 'GIAI-THICH-CHI-HIEN-KHI-DUOC-PHEP';
export const CONTEST_TITLE = 'Tuổi trẻ Tây Ninh tìm hiểu lịch sử Đoàn';
export const ROUND1 = { opensAt: '2026-11-22T00:00:00.000Z', closesAt: '2026-11-29T00:00:00.000Z' };
export const ROUND2 = { opensAt: '2026-11-29T00:00:00.000Z', closesAt: '2026-12-06T00:00:00.000Z' };

/** Real questions whose texts do not give the key away; `right` is the key. */
const QUESTIONS = [
  {
    kind: 'single',
    text: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập năm nào?',
    right: ['1931'],
    wrong: ['1930', '1941'],
  },
  {
    kind: 'single',
    text: 'Ngày thành lập Đoàn là ngày nào?',
    right: ['26 tháng 3'],
    wrong: ['19 tháng 5', '2 tháng 9'],
  },
  {
    kind: 'multiple',
    text: 'Đoàn trực tiếp phụ trách hoặc làm nòng cốt chính trị cho những tổ chức nào?',
    right: ['Đội Thiếu niên Tiền phong Hồ Chí Minh', 'Hội Sinh viên Việt Nam'],
    wrong: ['Công đoàn Việt Nam'],
  },
] as const;
export type SeededQuestion = (typeof QUESTIONS)[number];

export type ContestWorld = {
  contestId: string;
  rounds: string[];
  editorCookie: string;
  /** Unit the registration picks from the tree. */
  unitName: string;
  /** Question text → its key as option texts, and the key as option ids (the secret). */
  questions: SeededQuestion[];
  keyOptionIds: string[];
};

/**
 * A published contest of three questions with two weekly rounds, two attempts per round, a
 * prediction question, ranking by score, prediction and then duration, and the score shown
 * after submission (never the key: that is `full_after_submit`).
 */
export async function seedContestWorld(t: TestApp): Promise<ContestWorld> {
  const nation = await buildNation(t.deps.db);
  const editor = await buildUser(t.deps.db, [{ unit: nation.provinceA, role: 'editor' }]);
  const unitId = nation.provinceA.id;
  const category = ok(
    await call(t, 'POST', '/contest-bank/categories', editor.cookie, {
      unitId,
      name: 'Lịch sử Đoàn',
    }),
    201,
  ).category.id as string;
  for (const q of QUESTIONS) {
    ok(
      await call(t, 'POST', '/contest-bank/questions', editor.cookie, {
        unitId,
        categoryId: category,
        kind: q.kind,
        text: q.text,
        options: [
          ...q.right.map((text) => ({ text, correct: true })),
          ...q.wrong.map((text) => ({ text, correct: false })),
        ],
        explanation: SECRET_EXPLANATION,
      }),
      201,
    );
  }
  const bank = ok(await call(t, 'GET', `/contest-bank/questions?unitId=${unitId}`, editor.cookie))
    .items as { options: { id: string; correct: boolean }[] }[];
  const keyOptionIds = bank.flatMap((q) => q.options.filter((o) => o.correct).map((o) => o.id));

  const contest = ok(
    await call(t, 'POST', '/contests', editor.cookie, {
      unitId,
      title: CONTEST_TITLE,
      rules: 'Mỗi tuần một vòng thi. Mỗi vòng được thi tối đa 2 lượt; tính lượt cao điểm nhất.',
      reviewPolicy: 'score_after_submit',
      timeLimitKind: 'per_attempt',
      timeLimitSeconds: 300,
      attemptsPerRound: 2,
      hasPrediction: true,
      timeMode: 'duration',
      quotas: [{ categoryId: category, count: 3 }],
      prizeLadder: [
        { prize: 'Nhất', count: 1 },
        { prize: 'Nhì', count: 1 },
      ],
    }),
    201,
  ).contest;
  const rounds: string[] = [];
  for (const [i, window] of [ROUND1, ROUND2].entries()) {
    const res = await call(t, 'POST', `/contests/${contest.id}/rounds`, editor.cookie, {
      number: i + 1,
      topic: i === 0 ? 'Lịch sử hình thành' : 'Các kỳ Đại hội',
      ...window,
    });
    rounds.push(ok(res, 201).round.id as string);
  }
  ok(await call(t, 'POST', `/contests/${contest.id}/publish`, editor.cookie));
  return {
    contestId: contest.id as string,
    rounds,
    editorCookie: editor.cookie,
    unitName: nation.a1.name,
    questions: [...QUESTIONS],
    keyOptionIds,
  };
}

/** Answers for an attempt view: the first `rightCount` questions right, the rest wrong. */
export function answersByText(
  world: ContestWorld,
  attempt: { questions: { id: string; text: string; options: { id: string; text: string }[] }[] },
  rightCount: number,
) {
  return attempt.questions.map((q, i) => {
    const seeded = world.questions.find((s) => s.text === q.text)!;
    const want: readonly string[] = i < rightCount ? seeded.right : seeded.wrong.slice(0, 1);
    return {
      questionId: q.id,
      optionIds: q.options.filter((o) => want.includes(o.text)).map((o) => o.id),
    };
  });
}
