import { describe, expect, it } from 'vitest';
import { describeAddress, describeArea } from './property-facts.ts';

describe('describeArea', () => {
  it('adds BOA and LOA, a missing one counting as 0', () => {
    expect(describeArea({ boa: 1234.5, loa: 250 }, 'sv')).toBe('1\u00a0484,5 m²');
    expect(describeArea({ boa: 1234.5, loa: 250 }, 'en')).toBe('1,484.5 m²');
    expect(describeArea({ boa: null, loa: 150 }, 'sv')).toBe('150 m²');
  });

  it('is null when neither is known', () => {
    expect(describeArea({ boa: null, loa: null }, 'sv')).toBeNull();
  });
});

describe('describeAddress', () => {
  it('says the municipality once when it is the postal town, whatever the case', () => {
    expect(describeAddress({ address: 'Ekvägen 1, 114 30 Stockholm', municipality: 'Stockholm' })).toBe('Ekvägen 1, 114 30 Stockholm');
    expect(describeAddress({ address: 'Ekvägen 1, 114 30 STOCKHOLM', municipality: 'stockholm ' })).toBe('Ekvägen 1, 114 30 STOCKHOLM');
    expect(describeAddress({ address: 'Ekvägen 1 11430 Stockholm', municipality: 'Stockholm' })).toBe('Ekvägen 1 11430 Stockholm');
    expect(describeAddress({ address: 'Ekvägen 1, Stockholm', municipality: 'Stockholm' })).toBe('Ekvägen 1, Stockholm');
    expect(describeAddress({ address: 'Stockholm', municipality: 'Stockholm' })).toBe('Stockholm');
  });

  it('adds a municipality that is not the postal town', () => {
    expect(describeAddress({ address: 'Storgatan 5, 753 20 Uppsala', municipality: 'Knivsta' })).toBe('Storgatan 5, 753 20 Uppsala, Knivsta');
    // Another town whose name ends with the municipality's, and å against a.
    expect(describeAddress({ address: 'Byvägen 2, 264 55 Östra Ljungby', municipality: 'Ljungby' })).toBe('Byvägen 2, 264 55 Östra Ljungby, Ljungby');
    expect(describeAddress({ address: 'Torget 1, 123 45 Ana', municipality: 'Åna' })).toBe('Torget 1, 123 45 Ana, Åna');
    expect(describeAddress({ address: 'Ekvägen 1', municipality: 'Stockholm' })).toBe('Ekvägen 1, Stockholm');
  });

  it('gives what is known, or null', () => {
    expect(describeAddress({ address: 'Ekvägen 1', municipality: null })).toBe('Ekvägen 1');
    expect(describeAddress({ address: null, municipality: 'Stockholm' })).toBe('Stockholm');
    expect(describeAddress({ address: null, municipality: null })).toBeNull();
  });
});
