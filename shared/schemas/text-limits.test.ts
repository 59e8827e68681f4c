import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ValidationMessageKey } from '../i18n/validation-messages.ts';
import { issuesToFieldCodes } from '../validation-issues.ts';
import { completeActionRequestSchema, createActionRequestSchema, updateActionRequestSchema } from './action.ts';
import { signupRequestSchema } from './auth.ts';
import { createCommentRequestSchema } from './comment.ts';
import { acceptInvitationRequestSchema } from './member.ts';
import { createOrganisationRequestSchema, updateOrganisationRequestSchema } from './organisation.ts';
import { createPlanRequestSchema, updatePlanRequestSchema } from './plan.ts';
import { createPropertyPartRequestSchema, updatePropertyPartRequestSchema } from './property-part.ts';
import { createPropertyRequestSchema, updatePropertyRequestSchema } from './property.ts';

/**
 * Every text a person writes has a limit (the database's CHECK), and a text over it is refused
 * with the field's own message key, never cut to fit: the API answers 400 with the key and the
 * web forms show its message beside the field.
 */
interface TextLimit {
  schema: z.ZodType;
  /** A valid request around the field. */
  body: Record<string, unknown>;
  /** The field's path as the API's `fieldCodes` name it. */
  field: string;
  limit: number;
  code: ValidationMessageKey;
}

const action = { name: 'Byte av takpapp', category: 'yttertak', quantity: 450, unit: 'm2', unitPrice: 640.5, year: 2031 };
const signup = { email: 'anna@brf-eken.se', password: 'ekar och lönnar i parken', name: 'Anna', accountName: 'Brf Eken' };

const limits: TextLimit[] = [
  { schema: signupRequestSchema, body: signup, field: 'name', limit: 120, code: 'name.too_long' },
  { schema: signupRequestSchema, body: signup, field: 'accountName', limit: 120, code: 'name.too_long' },
  { schema: acceptInvitationRequestSchema, body: { name: 'Bo', password: 'ekar och lönnar i parken' }, field: 'name', limit: 120, code: 'name.too_long' },
  { schema: createOrganisationRequestSchema, body: {}, field: 'name', limit: 120, code: 'name.too_long' },
  { schema: updateOrganisationRequestSchema, body: {}, field: 'name', limit: 120, code: 'name.too_long' },
  ...['name', 'designation', 'address', 'municipality'].flatMap((field) => [
    { schema: createPropertyRequestSchema, body: { name: 'Eken 4' }, field, limit: 120, code: 'name.too_long' as const },
    { schema: updatePropertyRequestSchema, body: {}, field, limit: 120, code: 'name.too_long' as const },
  ]),
  { schema: createPropertyPartRequestSchema, body: {}, field: 'name', limit: 120, code: 'name.too_long' },
  { schema: updatePropertyPartRequestSchema, body: {}, field: 'name', limit: 120, code: 'name.too_long' },
  { schema: createPlanRequestSchema, body: { startYear: 2026 }, field: 'name', limit: 120, code: 'name.too_long' },
  { schema: updatePlanRequestSchema, body: {}, field: 'name', limit: 120, code: 'name.too_long' },
  { schema: createActionRequestSchema, body: action, field: 'name', limit: 200, code: 'action.name_too_long' },
  { schema: updateActionRequestSchema, body: {}, field: 'name', limit: 200, code: 'action.name_too_long' },
  { schema: createActionRequestSchema, body: action, field: 'unit', limit: 16, code: 'unit.too_long' },
  { schema: createActionRequestSchema, body: action, field: 'note', limit: 4000, code: 'note.too_long' },
  { schema: createActionRequestSchema, body: action, field: 'tags.0', limit: 40, code: 'tag.too_long' },
  { schema: completeActionRequestSchema, body: {}, field: 'note', limit: 4000, code: 'note.too_long' },
  { schema: createCommentRequestSchema, body: {}, field: 'body', limit: 4000, code: 'comment.too_long' },
];

/** `body` with `text` at `field` ("tags.0" is the first of a list). */
function withText(body: Record<string, unknown>, field: string, text: string): Record<string, unknown> {
  const [name, index] = field.split('.');
  return { ...body, [name!]: index === undefined ? text : [text] };
}

/** A text of `length` characters with å, ä and ö: a limit counts characters, not bytes. */
const textOf = (length: number) => 'Åäö'.repeat(Math.ceil(length / 3)).slice(0, length);

describe('text limits', () => {
  it.each(limits.map((limit) => ({ ...limit, name: `${limit.field} (${limit.limit})` })))(
    'keeps $name characters whole and refuses one more with its code',
    ({ schema, body, field, limit, code }) => {
      const atLimit = schema.safeParse(withText(body, field, textOf(limit)));
      expect(atLimit.success).toBe(true);
      expect(JSON.stringify(atLimit.data)).toContain(textOf(limit));

      const over = schema.safeParse(withText(body, field, textOf(limit + 1)), { reportInput: true });
      expect(over.success).toBe(false);
      expect(issuesToFieldCodes(over.error!.issues)).toEqual({ [field]: code });
    },
  );
});
