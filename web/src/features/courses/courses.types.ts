import type { PlanBlock } from '../planning/planning.types.ts';

/** Shapes of /api/courses and /api/public/courses (server: courses.contracts.ts). */

export type CourseStatus = 'draft' | 'published' | 'closed';
export type CourseTopic = 'political_theory' | 'other';
export type LessonImage = { url: string; alt: string };

export type LessonView = {
  id: string;
  position: number;
  title: string;
  body: PlanBlock[];
  images: LessonImage[];
  videoUrl: string | null;
};

export type CourseSummary = {
  id: string;
  unitId: string;
  title: string;
  description: string;
  topic: CourseTopic;
  audience: 'public' | 'members';
  status: CourseStatus;
  passMark: number;
  certificatePlace: string | null;
  contestId: string | null;
  publishedAt: string | null;
  lessonCount: number;
};

export type TestView = {
  contestId: string;
  status: 'draft' | 'published';
  quotas: { categoryId: string; count: number }[];
  questionCount: number;
  timeLimitSeconds: number | null;
  attemptsAllowed: number | null;
  opensAt: string | null;
  closesAt: string | null;
};

export type CourseDetail = CourseSummary & {
  lessons: LessonView[];
  test: TestView | null;
  abilities: { write: boolean; publish: boolean };
};

export type CourseFields = {
  title: string;
  description: string;
  topic: CourseTopic;
  audience: 'public' | 'members';
  passMark: number;
  certificatePlace: string | null;
};

export type LessonFields = {
  title: string;
  body: PlanBlock[];
  images: LessonImage[];
  videoUrl: string | null;
};

export type AttachTestFields = {
  quotas: { categoryId: string; count: number }[];
  timeLimitSeconds: number | null;
  attemptsAllowed: number | null;
  opensAt: string;
  closesAt: string;
};

export type CompletionsView = {
  passMark: number;
  total: { learners: number; completed: number };
  items: {
    unitId: string;
    name: string;
    learners: number;
    completed: number;
    members: number;
    rate: number | null;
  }[];
};

export type BankCategory = { id: string; unitId: string; parentId: string | null; name: string };

export type PublicCourse = {
  id: string;
  title: string;
  description: string;
  organiser: string;
  audience: 'public' | 'members';
  passMark: number;
  issuesCertificates: boolean;
  lessons: LessonView[];
  test: {
    contestId: string;
    questionCount: number;
    timeLimitSeconds: number | null;
    opensAt: string | null;
    closesAt: string | null;
  } | null;
};

export type CompletionStatus = {
  courseId: string;
  registered: boolean;
  attempts: number;
  bestPercent: number | null;
  passMark: number;
  completed: boolean;
  completedAt: string | null;
  certificate: { code: string; downloadPath: string } | null;
};
