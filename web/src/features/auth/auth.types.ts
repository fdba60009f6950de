/**
 * Shapes of the identity module's responses (docs/API.md). When the server's zod contracts land,
 * replace these with `import type` of the inferred types.
 */
import type { Role } from '../../../../common/enums.ts';

export type Grant = { unitId: string; unitCode: string; unitName: string; role: Role };

export type Me = { id: string; username: string; displayName: string; grants: Grant[] };

export type MeResponse = { user: Me };
