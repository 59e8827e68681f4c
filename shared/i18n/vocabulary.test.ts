import { describe, expect, it } from 'vitest';
import { languages } from './language.ts';
import { validationMessages } from './validation-messages.ts';
import { findOtherWordsForTags } from './vocabulary.ts';

describe('one word for tags', () => {
  it('finds the other words in either language, whatever their case or form', () => {
    expect(findOtherWordsForTags({ a: 'Etiketter', b: 'Lägg till etikett', c: 'Märkning', d: 'Taggar', e: 'Tagg' }, 'sv')).toEqual([
      'a: Etiketter',
      'b: Lägg till etikett',
      'c: Märkning',
    ]);
    expect(findOtherWordsForTags({ a: 'Labels', b: 'Add a label', c: 'Tags', d: 'Available' }, 'en')).toEqual(['a: Labels', 'b: Add a label']);
  });

  it('does not read placeholders as words', () => {
    expect(findOtherWordsForTags({ share: 'The largest part is {label} with {amount}.' }, 'en')).toEqual([]);
  });

  it('is what the validation messages say', () => {
    for (const language of languages) {
      const texts = Object.fromEntries(Object.entries(validationMessages).map(([key, text]) => [key, text[language]]));
      expect(findOtherWordsForTags(texts, language), language).toEqual([]);
    }
    expect(validationMessages['tag.too_long'].sv).toBe('En tagg får vara högst 40 tecken.');
  });
});
