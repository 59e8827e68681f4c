import { describe, expect, it } from 'vitest';
import { propertyPartNameKey } from './property-part-name-key.ts';

describe('propertyPartNameKey', () => {
  it('ignores case, surrounding space and how an accented letter is composed', () => {
    expect(propertyPartNameKey('  Hus A ')).toBe('hus a');
    expect(propertyPartNameKey('HUS A')).toBe(propertyPartNameKey('hus a'));
    expect(propertyPartNameKey('TVÄTTSTUGA')).toBe('tvättstuga');
    // "Å" as one code point and as "A" with a combining ring.
    expect(propertyPartNameKey('Gård\u00e5')).toBe(propertyPartNameKey('GA\u030aRDA\u030a'));
  });

  it('keeps names that differ in anything else apart', () => {
    expect(propertyPartNameKey('Hus A')).not.toBe(propertyPartNameKey('Hus  A'));
    expect(propertyPartNameKey('Hus A')).not.toBe(propertyPartNameKey('Hus Ä'));
    expect(propertyPartNameKey('Hus 1')).not.toBe(propertyPartNameKey('Hus 01'));
  });
});
