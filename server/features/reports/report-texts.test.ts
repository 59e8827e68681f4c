import { expect, it } from 'vitest';
import { findOtherWordsForTags } from '../../../shared/i18n/vocabulary.ts';
import { reportTextsOf } from './report-texts.ts';

it('calls tags "taggar" and "tags" in the report, never by another word', () => {
  for (const language of ['sv', 'en'] as const) expect(findOtherWordsForTags(reportTextsOf(language), language), language).toEqual([]);
});
