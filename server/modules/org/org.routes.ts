import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/authenticate.ts';
import {
  AsOfQuery,
  CloseBody,
  CreatedUnitResponse,
  CreateGroupBody,
  CreateUnitBody,
  EventListResponse,
  EventResponse,
  EventsQuery,
  GroupListResponse,
  GroupMemberBody,
  GroupResponse,
  HistoryResponse,
  MergeBody,
  MoveBody,
  RenameBody,
  SearchQuery,
  SearchResponse,
  SplitBody,
  UnitDetailResponse,
  UnitIdParams,
  UnitListResponse,
  UpdateUnitBody,
} from './org.contracts.ts';
import { asUser } from './org.policy.ts';
import { addGroupMember, createGroup, listGroups } from './group.service.ts';
import { getUnitHistory, listEvents } from './history.service.ts';
import { closeUnit } from './restructure/close.ts';
import { mergeUnits } from './restructure/merge.ts';
import { moveUnit } from './restructure/move.ts';
import { renameUnit } from './restructure/rename.ts';
import { splitUnit } from './restructure/split.ts';
import { listChildren, listRoots, searchUnits } from './tree.service.ts';
import { createUnit, getUnit, readBackUnit, updateUnitAttributes } from './unit.service.ts';

/** HTTP surface of the org module (docs/API.md "Organisation"). Routes stay thin. */
export const orgRoutes: FastifyPluginAsync<AppDeps> = (app, deps) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/units/roots',
    { schema: { querystring: AsOfQuery, response: { 200: UnitListResponse } } },
    async (request) => {
      const actor = requireActor(request);
      return { items: await listRoots(deps, actor, request.query.asOf ?? deps.today()) };
    },
  );

  api.get(
    '/units/search',
    { schema: { querystring: SearchQuery, response: { 200: SearchResponse } } },
    async (request) => {
      return { items: await searchUnits(deps, requireActor(request), request.query) };
    },
  );

  api.get(
    '/units/:id',
    {
      schema: {
        params: UnitIdParams,
        querystring: AsOfQuery,
        response: { 200: UnitDetailResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return getUnit(deps, actor, request.params.id, request.query.asOf ?? deps.today());
    },
  );

  api.get(
    '/units/:id/children',
    {
      schema: { params: UnitIdParams, querystring: AsOfQuery, response: { 200: UnitListResponse } },
    },
    async (request) => {
      const actor = requireActor(request);
      const asOf = request.query.asOf ?? deps.today();
      return { items: await listChildren(deps, actor, request.params.id, asOf) };
    },
  );

  api.get(
    '/units/:id/history',
    { schema: { params: UnitIdParams, response: { 200: HistoryResponse } } },
    async (request) => getUnitHistory(deps, requireActor(request), request.params.id),
  );

  api.patch(
    '/units/:id',
    {
      schema: { params: UnitIdParams, body: UpdateUnitBody, response: { 200: UnitDetailResponse } },
    },
    async (request) => {
      const actor = requireActor(request);
      return updateUnitAttributes(deps, actor, request.params.id, request.body);
    },
  );

  api.post(
    '/units',
    { schema: { body: CreateUnitBody, response: { 201: CreatedUnitResponse } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await createUnit(deps.db, asUser(actor), request.body);
      const unit = await readBackUnit(deps.db, created.id, request.body.effectiveDate);
      return reply.status(201).send({ unit });
    },
  );

  // Restructuring: each command checks, writes and audits in one transaction; 201 with the event.
  const created = { 201: EventResponse };
  api.post(
    '/restructure/merge',
    { schema: { body: MergeBody, response: created } },
    async (request, reply) => {
      const { event } = await mergeUnits(deps.db, asUser(requireActor(request)), request.body);
      return reply.status(201).send({ event });
    },
  );
  api.post(
    '/restructure/split',
    { schema: { body: SplitBody, response: created } },
    async (request, reply) => {
      const { event } = await splitUnit(deps.db, asUser(requireActor(request)), request.body);
      return reply.status(201).send({ event });
    },
  );
  api.post(
    '/restructure/move',
    { schema: { body: MoveBody, response: created } },
    async (request, reply) => {
      const { event } = await moveUnit(deps.db, asUser(requireActor(request)), request.body);
      return reply.status(201).send({ event });
    },
  );
  api.post(
    '/restructure/rename',
    { schema: { body: RenameBody, response: created } },
    async (request, reply) => {
      const { event } = await renameUnit(deps.db, asUser(requireActor(request)), request.body);
      return reply.status(201).send({ event });
    },
  );
  api.post(
    '/restructure/close',
    { schema: { body: CloseBody, response: created } },
    async (request, reply) => {
      const { event } = await closeUnit(deps.db, asUser(requireActor(request)), request.body);
      return reply.status(201).send({ event });
    },
  );

  api.get(
    '/restructure/events',
    { schema: { querystring: EventsQuery, response: { 200: EventListResponse } } },
    async (request) => {
      return { items: await listEvents(deps, requireActor(request), request.query.unitId) };
    },
  );

  api.get('/unit-groups', { schema: { response: { 200: GroupListResponse } } }, async (request) => {
    return { items: await listGroups(deps.db, requireActor(request), deps.today()) };
  });

  api.post(
    '/unit-groups',
    { schema: { body: CreateGroupBody, response: { 201: GroupResponse } } },
    async (request, reply) => {
      const group = await createGroup(deps.db, asUser(requireActor(request)), request.body);
      return reply.status(201).send({ group });
    },
  );

  api.post(
    '/unit-groups/:id/members',
    { schema: { params: UnitIdParams, body: GroupMemberBody } },
    async (request, reply) => {
      const by = asUser(requireActor(request));
      await addGroupMember(deps.db, by, request.params.id, request.body.unitId, deps.today());
      return reply.status(204).send();
    },
  );
  return Promise.resolve();
};
