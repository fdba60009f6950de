import type { z } from 'zod';
import type { LessonView, TestView } from './courses.contracts.ts';
import type { CourseRow, LessonRow } from './courses.table.ts';

export const toLesson = (l: LessonRow): z.infer<typeof LessonView> => ({
  id: l.id,
  position: l.position,
  title: l.title,
  body: l.body,
  images: l.images,
  videoUrl: l.videoUrl,
});

export const toSummary = (c: CourseRow, lessonCount: number) => ({
  id: c.id,
  unitId: c.unitId,
  title: c.title,
  description: c.description,
  topic: c.topic,
  audience: c.audience,
  status: c.status,
  passMark: c.passMark,
  certificatePlace: c.certificatePlace,
  contestId: c.contestId,
  publishedAt: c.publishedAt?.toISOString() ?? null,
  lessonCount,
});

type ContestLike = {
  id: string;
  status: 'draft' | 'published';
  quotas: { categoryId: string; count: number }[];
  timeLimitSeconds: number | null;
  attemptsPerRound: number | null;
  rounds: { opensAt: string; closesAt: string }[];
};

export const toTest = (c: ContestLike): z.infer<typeof TestView> => ({
  contestId: c.id,
  status: c.status,
  quotas: c.quotas,
  questionCount: c.quotas.reduce((sum, q) => sum + q.count, 0),
  timeLimitSeconds: c.timeLimitSeconds,
  attemptsAllowed: c.attemptsPerRound,
  opensAt: c.rounds[0]?.opensAt ?? null,
  closesAt: c.rounds[0]?.closesAt ?? null,
});
