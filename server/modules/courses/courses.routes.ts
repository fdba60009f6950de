import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import { AppError } from '../../kernel/http/errors.ts';
import { courseCompletions } from './completion.service.ts';
import {
  attachTest,
  closeCourse,
  createCourse,
  getCourse,
  listCourses,
  publishCourse,
  updateCourse,
} from './course.service.ts';
import {
  AttachTestBody,
  CompletionsResponse,
  CourseListResponse,
  CourseResponse,
  CreateCourseBody,
  IdParams,
  LessonBody,
  LessonParams,
  LessonResponse,
  LessonView,
  ReorderBody,
  UnitQuery,
  UpdateCourseBody,
  UpdateLessonBody,
  parseWithMessages,
} from './courses.contracts.ts';
import { addLesson, deleteLesson, reorderLessons, updateLesson } from './lesson.service.ts';

/**
 * The organiser's API (docs/API.md, "Courses"). Bodies are parsed in the handler so a bad URL
 * or an empty title answers with its Vietnamese message.
 */
export const courseRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', (request, _reply, done) => {
    done(request.actor ? undefined : new AppError('unauthenticated'));
  });

  api.get(
    '/courses',
    { schema: { querystring: UnitQuery, response: { 200: CourseListResponse } } },
    async (request) => ({
      items: await listCourses(deps, requireActor(request), request.query.unitId),
    }),
  );
  api.post(
    '/courses',
    { schema: { response: { 201: z.object({ course: CourseListResponse.shape.items.element }) } } },
    async (request, reply) => {
      const body = parseWithMessages(CreateCourseBody, request.body);
      return reply
        .status(201)
        .send({ course: await createCourse(deps, requireActor(request), body) });
    },
  );
  api.get(
    '/courses/:id',
    { schema: { params: IdParams, response: { 200: CourseResponse } } },
    async (request) => ({
      course: await getCourse(deps, requireActor(request), request.params.id),
    }),
  );
  api.patch(
    '/courses/:id',
    { schema: { params: IdParams, response: { 200: CourseResponse } } },
    async (request) => ({
      course: await updateCourse(
        deps,
        requireActor(request),
        request.params.id,
        parseWithMessages(UpdateCourseBody, request.body),
      ),
    }),
  );
  api.put(
    '/courses/:id/test',
    { schema: { params: IdParams, response: { 200: CourseResponse } } },
    async (request) => ({
      course: await attachTest(
        deps,
        requireActor(request),
        request.params.id,
        parseWithMessages(AttachTestBody, request.body),
      ),
    }),
  );
  api.post(
    '/courses/:id/publish',
    { schema: { params: IdParams, response: { 200: CourseResponse } } },
    async (request) => ({
      course: await publishCourse(deps, requireActor(request), request.params.id),
    }),
  );
  api.post(
    '/courses/:id/close',
    { schema: { params: IdParams, response: { 200: CourseResponse } } },
    async (request) => ({
      course: await closeCourse(deps, requireActor(request), request.params.id),
    }),
  );
  api.get(
    '/courses/:id/completions',
    { schema: { params: IdParams, response: { 200: CompletionsResponse } } },
    async (request) => courseCompletions(deps, requireActor(request), request.params.id),
  );

  api.post(
    '/courses/:id/lessons',
    { schema: { params: IdParams, response: { 201: LessonResponse } } },
    async (request, reply) => {
      const lesson = await addLesson(
        deps,
        requireActor(request),
        request.params.id,
        parseWithMessages(LessonBody, request.body),
      );
      return reply.status(201).send({ lesson });
    },
  );
  api.patch(
    '/courses/:id/lessons/:lessonId',
    { schema: { params: LessonParams, response: { 200: LessonResponse } } },
    async (request) => ({
      lesson: await updateLesson(
        deps,
        requireActor(request),
        request.params.id,
        request.params.lessonId,
        parseWithMessages(UpdateLessonBody, request.body),
      ),
    }),
  );
  api.delete(
    '/courses/:id/lessons/:lessonId',
    { schema: { params: LessonParams } },
    async (request, reply) => {
      await deleteLesson(deps, requireActor(request), request.params.id, request.params.lessonId);
      return reply.status(204).send();
    },
  );
  api.put(
    '/courses/:id/lessons/order',
    { schema: { params: IdParams, response: { 200: z.object({ items: z.array(LessonView) }) } } },
    async (request) => ({
      items: await reorderLessons(
        deps,
        requireActor(request),
        request.params.id,
        parseWithMessages(ReorderBody, request.body).lessonIds,
      ),
    }),
  );
};
