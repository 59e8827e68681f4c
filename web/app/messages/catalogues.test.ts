import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/errors.ts';
import { findOtherWordsForTags } from '../../../shared/i18n/vocabulary.ts';
import { roles } from '../../../shared/schemas/role.ts';
import { createTranslator, type Translate } from '../../lib/i18n/translate.ts';
import { catalogues } from './catalogues.ts';
import { en } from './en.ts';
import { sv } from './sv.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('have no empty or untrimmed messages', () => {
    for (const catalogue of [sv, en]) {
      for (const [key, message] of Object.entries(catalogue)) {
        expect(message.trim(), key).not.toBe('');
        expect(message, key).toBe(message.trim());
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, message] of Object.entries(sv)) {
      expect(placeholders(en[key as keyof typeof sv]), key).toEqual(placeholders(message));
    }
  });

  it('call tags "taggar" and "tags", never by another word', () => {
    expect(findOtherWordsForTags(sv, 'sv')).toEqual([]);
    expect(findOtherWordsForTags(en, 'en')).toEqual([]);
    expect([sv['actions.field.tags'], sv['plan_views.filter.tag'], sv['spreadsheets.field.tags']]).toEqual(['Taggar', 'Tagg', 'Taggar']);
  });

  it('name every role and every error the API can answer with', () => {
    for (const role of roles) expect(sv).toHaveProperty(`role.${role}`);
    for (const code of [...errorCodes, 'network']) expect(sv).toHaveProperty(`error.${code}`);
  });
});

describe('createTranslator', () => {
  it('fills placeholders in the chosen language', () => {
    expect(createTranslator(catalogues.sv)('members.invited', { email: 'a@b.se' })).toBe('Inbjudan skickad till a@b.se.');
    expect(createTranslator(catalogues.en)('members.invited', { email: 'a@b.se' })).toBe('Invitation sent to a@b.se.');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(createTranslator(catalogues.en)('members.role_changed')).toBe('The role of {name} has been changed.');
  });
});

describe('message keys', () => {
  it('fail the type check when no catalogue has them', () => {
    const t: Translate = createTranslator(catalogues.en);
    // @ts-expect-error: not a MessageKey; were the catalogue not registered (catalogues.ts), any string would pass.
    expect(() => t('no.such.key')).toThrow(TypeError);
  });
});
