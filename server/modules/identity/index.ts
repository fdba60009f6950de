/** The identity module's public surface. */
export { users, roleGrants, sessions } from './identity.table.ts';
export { identityRoutes } from './identity.routes.ts';
export { resolveActor } from './session.service.ts';
export { createAccount } from './identity.service.ts';
export { loadActor } from './session.service.ts';
