import { z } from 'zod';

/** Membership roles, from least to most privileged. Stable API values. */
export const roles = ['viewer', 'editor', 'admin'] as const;
export const roleSchema = z.enum(roles, { error: 'role.invalid' });
export type Role = z.infer<typeof roleSchema>;
