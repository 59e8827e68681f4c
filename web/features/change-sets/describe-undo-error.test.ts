import { describe, expect, it } from 'vitest';
import { apiErrorMessages } from '../../lib/api/api-error.messages.ts';
import { ApiError, readApiError } from '../../lib/api/api-error.ts';
import { createTranslator } from '../../lib/i18n/translate.ts';
import { changeSetsMessages } from './change-sets.messages.ts';
import { describeUndoError } from './describe-undo-error.ts';

const sv = createTranslator({ ...apiErrorMessages.sv, ...changeSetsMessages.sv });
const en = createTranslator({ ...apiErrorMessages.en, ...changeSetsMessages.en });

const conflict = (names: string[]) =>
  new ApiError({ status: 409, code: 'conflict', details: { actions: names.map((name, index) => ({ id: `id-${index}`, name })), planSettings: false } });

describe('describeUndoError', () => {
  it('names the actions changed since, at most five, in the reader’s language', () => {
    expect(describeUndoError(conflict(['Byte av takpapp']), sv, 'sv')).toBe(
      'Det går inte att ångra: Byte av takpapp har ändrats sedan dess, och ångra skulle skriva över den ändringen.',
    );
    expect(describeUndoError(conflict(['OVK', 'Målning fönster']), en, 'en')).toBe(
      'This cannot be undone: 2 of the actions have been changed since (OVK, Målning fönster), and undoing would overwrite those changes.',
    );
    expect(describeUndoError(conflict(['A', 'B', 'C', 'D', 'E', 'F', 'G']), sv, 'sv')).toBe(
      'Det går inte att ångra: 7 av åtgärderna har ändrats sedan dess (A, B, C, D, E och 2 till), och ångra skulle skriva över de ändringarna.',
    );
  });

  it('gives the general sentence for a conflict without actions, and the usual one for other errors', () => {
    expect(describeUndoError(new ApiError({ status: 409, code: 'conflict' }), en, 'en')).toBe(
      'This can no longer be undone: the plan has changed since, or the change was already undone.',
    );
    expect(describeUndoError(new ApiError({ status: 403, code: 'forbidden' }), en, 'en')).toBe(en('error.forbidden'));
  });

  it('reads the details from the error body', async () => {
    const body = { error: { code: 'conflict', message: 'Cannot undo', details: { actions: [{ id: 'x', name: 'OVK' }] } } };
    const error = await readApiError(new Response(JSON.stringify(body), { status: 409 }));
    expect(error.details).toEqual({ actions: [{ id: 'x', name: 'OVK' }] });
    expect((await readApiError(new Response('{}', { status: 409 }))).details).toEqual({});
  });
});
