import { z } from 'zod';
import { ROLES } from '../../../common/enums.ts';
import { LIMITS } from '../../../common/limits.ts';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const GrantInput = z.strictObject({ unitId: z.uuid(), role: z.enum(ROLES) });

export const CreateUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/),
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax),
  grants: z.array(GrantInput).min(1).max(20),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const ListUsersQuery = z.strictObject({ unitId: z.uuid() });

const GrantView = z.object({
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  role: z.enum(ROLES),
});

export const MeResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(GrantView),
  }),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  isDisabled: z.boolean(),
  grants: z.array(GrantView),
});
export const UserListResponse = z.object({ items: z.array(UserView) });
export const UserResponse = z.object({ user: UserView });
