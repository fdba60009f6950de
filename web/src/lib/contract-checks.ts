/**
 * Compile-time guard between this client and the server's zod contracts: the web's response types
 * have the same field names, and every request body the web builds is accepted by the server's
 * schema. Type-only imports — nothing here reaches the bundle. A field renamed on either side
 * makes `tsc` fail on this file. (The web keeps its own response types because the server's use
 * plain strings where the web wants the enum unions of common/enums.ts.)
 */
import type { z } from 'zod';
import type * as identity from '../../../server/modules/identity/identity.contracts.ts';
import type * as org from '../../../server/modules/org/org.contracts.ts';
import type * as people from '../../../server/modules/people/people.contracts.ts';
import type { Me } from '../features/auth/auth.types.ts';
import type {
  CreateUnitBody,
  RestructureBodies,
  RestructureEvent,
  UnitAbilities,
  UnitDetail,
  UnitNode,
  UnitSearchItem,
  UnitVersion,
  UpdateUnitBody,
} from '../features/org/org.types.ts';
import type { ImportRowError, Person, PeoplePage } from '../features/people/people.types.ts';

type Expect<T extends true> = T;
type SameKeys<Web, Server> = [
  Exclude<keyof Web, keyof Server>,
  Exclude<keyof Server, keyof Web>,
] extends [never, never]
  ? true
  : { onlyInWeb: Exclude<keyof Web, keyof Server>; onlyInServer: Exclude<keyof Server, keyof Web> };
type Accepted<Body, Input> = [Body] extends [Input] ? true : false;

type _Me = Expect<SameKeys<Me, z.infer<typeof identity.MeResponse>['user']>>;
type _UnitNode = Expect<SameKeys<UnitNode, z.infer<typeof org.UnitNode>>>;
type _UnitDetail = Expect<SameKeys<UnitDetail, z.infer<typeof org.UnitDetail>>>;
type _Abilities = Expect<SameKeys<UnitAbilities, z.infer<typeof org.UnitAbilities>>>;
type _Search = Expect<
  SameKeys<UnitSearchItem, z.infer<typeof org.SearchResponse>['items'][number]>
>;
type _Version = Expect<
  SameKeys<UnitVersion, z.infer<typeof org.HistoryResponse>['versions'][number]>
>;
type _Event = Expect<SameKeys<RestructureEvent, z.infer<typeof org.RestructureEventView>>>;
type _Person = Expect<SameKeys<Person, z.infer<typeof people.Person>>>;
type _Page = Expect<SameKeys<PeoplePage, z.infer<typeof people.PersonListResponse>>>;
type _ImportError = Expect<Accepted<people.ImportError, ImportRowError>>;

type _Create = Expect<Accepted<CreateUnitBody, z.input<typeof org.CreateUnitBody>>>;
type _Update = Expect<Accepted<UpdateUnitBody, z.input<typeof org.UpdateUnitBody>>>;
type _Merge = Expect<Accepted<RestructureBodies['merge'], z.input<typeof org.MergeBody>>>;
type _Split = Expect<Accepted<RestructureBodies['split'], z.input<typeof org.SplitBody>>>;
type _Move = Expect<Accepted<RestructureBodies['move'], z.input<typeof org.MoveBody>>>;
type _Rename = Expect<Accepted<RestructureBodies['rename'], z.input<typeof org.RenameBody>>>;
type _Close = Expect<Accepted<RestructureBodies['close'], z.input<typeof org.CloseBody>>>;
type _Password = Expect<
  Accepted<
    { currentPassword: string; newPassword: string },
    z.input<typeof identity.ChangePasswordBody>
  >
>;
