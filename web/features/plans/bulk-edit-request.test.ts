import { describe, expect, it } from 'vitest';
import { buildBulkUpdateRequest, bulkEditProblemsOf, noBulkEdit } from './bulk-edit-request.ts';

const roof = { id: '6f1c2f0e-3b0a-4c53-9d35-0d8f3f1b2a10', year: 2031 };
const lift = { id: '0b7e7d36-52ad-4b9a-9f0b-7f4d9d4c1e22', year: 2195 };
const building = '2d0f3c1a-8b4e-4f7a-a0a5-3c9b1e6d7f88';

describe('buildBulkUpdateRequest', () => {
  it('sends only what was chosen: set fields, a move in years and a price change', () => {
    expect(
      buildBulkUpdateRequest(
        {
          ...noBulkEdit,
          shiftYears: '+2',
          status: 'urgent',
          buildingId: building,
          locationId: 'none',
          tags: 'P-1, Upphandling',
          isInvestment: 'no',
          scaleUnitPricePercent: '−5,5 %',
        },
        [roof],
      ),
    ).toEqual({
      request: {
        actionIds: [roof.id],
        set: { status: 'urgent', buildingId: building, locationId: null, tags: ['P-1', 'Upphandling'], isInvestment: false },
        shiftYears: 2,
        scaleUnitPricePercent: -5.5,
      },
    });
    expect(buildBulkUpdateRequest({ ...noBulkEdit, shiftYears: '-3' }, [roof, lift])).toEqual({ request: { actionIds: [roof.id, lift.id], shiftYears: -3 } });
  });

  it('names the problem beside its field, or for the whole bar when nothing was chosen', () => {
    expect(buildBulkUpdateRequest(noBulkEdit, [roof])).toEqual({ problems: { form: 'actions.nothing_to_set' } });
    expect(buildBulkUpdateRequest({ ...noBulkEdit, shiftYears: '0' }, [roof])).toEqual({ problems: { shiftYears: 'actions.shift_out_of_range' } });
    expect(buildBulkUpdateRequest({ ...noBulkEdit, shiftYears: 'två' }, [roof])).toEqual({ problems: { shiftYears: 'number.invalid' } });
    expect(buildBulkUpdateRequest({ ...noBulkEdit, year: '2040', shiftYears: '1' }, [roof])).toEqual({ problems: { shiftYears: 'actions.year_and_shift' } });
    expect(buildBulkUpdateRequest({ ...noBulkEdit, scaleUnitPricePercent: '-100' }, [roof])).toEqual({
      problems: { scaleUnitPricePercent: 'actions.scale_out_of_range' },
    });
    expect(buildBulkUpdateRequest({ ...noBulkEdit, tags: 'a,,b' }, [roof])).toEqual({ problems: { tags: 'tag.empty' } });
  });

  it('counts the selected actions a move would put outside 1900–2200', () => {
    expect(buildBulkUpdateRequest({ ...noBulkEdit, shiftYears: '6' }, [roof, lift])).toEqual({
      problems: { shiftYears: 'actions.shift_outside_years' },
      outsideYears: 1,
    });
    expect(buildBulkUpdateRequest({ ...noBulkEdit, shiftYears: '5' }, [roof, lift])).toEqual({ request: { actionIds: [roof.id, lift.id], shiftYears: 5 } });
  });
});

describe('bulkEditProblemsOf', () => {
  it('maps the API’s field paths to the bar’s fields', () => {
    expect(
      bulkEditProblemsOf({
        'set.buildingId': 'building.not_in_property',
        'set.tags.2': 'tag.too_long',
        'changes.year': 'year.out_of_range',
        scaleUnitPricePercent: 'actions.scaled_price_out_of_range',
        actionIds: 'actions.none_selected',
      }),
    ).toEqual({
      buildingId: 'building.not_in_property',
      tags: 'tag.too_long',
      year: 'year.out_of_range',
      scaleUnitPricePercent: 'actions.scaled_price_out_of_range',
      form: 'actions.none_selected',
    });
  });
});
