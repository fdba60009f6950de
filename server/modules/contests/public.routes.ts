import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { currentInstant } from '../../kernel/deps.ts';
import {
  PARTICIPANT_COOKIE,
  getAttempt,
  participantCookiePath,
  publicContest,
  publishedPool,
  register,
  saveAnswers,
  startAttempt,
  submitAttempt,
} from './attempt.service.ts';
import { publicResults } from './close.service.ts';
import { myCertificates } from './certificates.service.ts';
import {
  AttemptResponse,
  ChallengeResponse,
  MyCertificatesResponse,
  ParticipantResponse,
  PublicAttemptParams,
  PublicContestParams,
  PublicContestResponse,
  PublicResultsQuery,
  PublicResultsResponse,
  PublicRoundParams,
  PublicUnitsQuery,
  PublicUnitsResponse,
  RegisterBody,
  SaveAnswersBody,
  SubmitBody,
  StandingResponse,
  SubmitResponse,
  parseWithMessages,
} from './contests.contracts.ts';
import { issueChallenge } from './proof-of-work.ts';
import { participantStanding, searchContestUnits } from './standing.service.ts';

/** The public contest API, no account needed (docs/API.md, "Contests — public"). */
export const publicContestRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Per IP, on the routes a script would hammer: registration and starting an attempt.
  const rateLimit = { max: deps.config.contestRateLimit, timeWindow: '1 minute' };
  const token = (request: FastifyRequest) => request.cookies[PARTICIPANT_COOKIE];
  const noStore = { 'cache-control': 'private, no-store' };

  api.get(
    '/public/contests/:contestId',
    { schema: { params: PublicContestParams, response: { 200: PublicContestResponse } } },
    async (request) => publicContest(deps, request.params.contestId),
  );

  api.get(
    '/public/contests/:contestId/units',
    {
      schema: {
        params: PublicContestParams,
        querystring: PublicUnitsQuery,
        response: { 200: PublicUnitsResponse },
      },
      // Searched as a participant types (the page waits for a pause), so five times the
      // registration allowance; still a bound on what one address can make the database do.
      config: { rateLimit: { ...rateLimit, max: rateLimit.max * 5 } },
    },
    async (request) => searchContestUnits(deps, request.params.contestId, request.query.q),
  );

  api.get(
    '/public/contests/:contestId/me',
    { schema: { params: PublicContestParams, response: { 200: StandingResponse } } },
    async (request, reply) => {
      reply.headers(noStore);
      return participantStanding(deps, request.params.contestId, token(request));
    },
  );

  api.get(
    '/public/contests/:contestId/challenge',
    {
      schema: { params: PublicContestParams, response: { 200: ChallengeResponse } },
      config: { rateLimit },
    },
    async (request, reply) => {
      await publishedPool(deps, request.params.contestId);
      reply.headers(noStore);
      return {
        challenge: issueChallenge(
          deps.config.contestSecret,
          request.params.contestId,
          currentInstant(deps).getTime(),
        ),
        difficulty: deps.config.contestPowBits,
      };
    },
  );

  api.post(
    '/public/contests/:contestId/participants',
    {
      schema: {
        params: PublicContestParams,
        response: { 201: ParticipantResponse },
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      const { contestId } = request.params;
      const { participant, token: issued } = await register(
        deps,
        contestId,
        parseWithMessages(RegisterBody, request.body),
      );
      reply.setCookie(PARTICIPANT_COOKIE, issued, {
        path: participantCookiePath(contestId),
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        maxAge: 180 * 24 * 3600,
      });
      return reply
        .status(201)
        .headers(noStore)
        .send({
          participant: {
            id: participant.id,
            fullName: participant.fullName,
            phone: participant.phone,
            isMember: participant.personId !== null,
          },
        });
    },
  );

  api.post(
    '/public/contests/:contestId/attempts',
    {
      schema: { params: PublicContestParams, response: { 201: AttemptResponse } },
      config: { rateLimit },
    },
    async (request, reply) => {
      const attempt = await startAttempt(deps, request.params.contestId, token(request));
      return reply.status(201).headers(noStore).send({ attempt });
    },
  );

  api.get(
    '/public/contests/:contestId/attempts/:attemptId',
    { schema: { params: PublicAttemptParams, response: { 200: AttemptResponse } } },
    async (request, reply) => {
      const { contestId, attemptId } = request.params;
      reply.headers(noStore);
      return { attempt: await getAttempt(deps, contestId, token(request), attemptId) };
    },
  );

  api.put(
    '/public/contests/:contestId/attempts/:attemptId/answers',
    {
      schema: {
        params: PublicAttemptParams,
        body: SaveAnswersBody,
        response: { 200: z.object({ saved: z.number() }) },
      },
    },
    async (request) => {
      const { contestId, attemptId } = request.params;
      return saveAnswers(deps, contestId, token(request), attemptId, request.body.answers);
    },
  );

  api.post(
    '/public/contests/:contestId/attempts/:attemptId/submit',
    {
      schema: { params: PublicAttemptParams, body: SubmitBody, response: { 200: SubmitResponse } },
    },
    async (request, reply) => {
      const { contestId, attemptId } = request.params;
      reply.headers(noStore);
      return submitAttempt(deps, contestId, token(request), attemptId, request.body);
    },
  );

  api.get(
    '/public/contests/:contestId/certificates',
    { schema: { params: PublicContestParams, response: { 200: MyCertificatesResponse } } },
    async (request, reply) => {
      reply.headers(noStore);
      return myCertificates(deps, request.params.contestId, token(request));
    },
  );

  api.get(
    '/public/contests/:contestId/rounds/:roundId/results',
    {
      schema: {
        params: PublicRoundParams,
        querystring: PublicResultsQuery,
        response: { 200: PublicResultsResponse },
      },
    },
    async (request) =>
      publicResults(deps, request.params.contestId, request.params.roundId, request.query.page),
  );
};
