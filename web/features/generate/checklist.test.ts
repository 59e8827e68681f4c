import { describe, expect, it } from 'vitest';
import { changeEntry, checklistErrorsFromApi, checklistKey, checklistRequest, emptyChecklist, toggleEntry } from './checklist.ts';

const roof = '6f1c2f0e-3b0a-4c53-9d35-0d8f3f1b2a10';
const lift = '0b7e7d36-52ad-4b9a-9f0b-7f4d9d4c1e22';
const houseA = '2d0f3c1a-8b4e-4f7a-a0a5-3c9b1e6d7f88';
const houseB = '9a1e4d2c-7b3f-4e6a-b1c2-d3e4f5a6b7c8';

describe('checklist', () => {
  it('ticks a component per building, keeps what was typed when ticked again, and forgets it when unticked', () => {
    let checklist = toggleEntry(emptyChecklist, roof, houseA, true);
    checklist = changeEntry(checklist, checklistKey(roof, houseA), 'lastDoneYear', '1998');
    checklist = toggleEntry(checklist, roof, houseA, true);
    expect(checklist.get(checklistKey(roof, houseA))).toEqual({ componentId: roof, buildingId: houseA, lastDoneYear: '1998', quantity: '' });
    checklist = toggleEntry(checklist, roof, houseA, false);
    expect(checklist.size).toBe(0);
  });

  it('builds the request with the fields given, Swedish numbers read, blanks left out, no building as absent', () => {
    let checklist = toggleEntry(emptyChecklist, roof, houseA, true);
    checklist = toggleEntry(checklist, roof, houseB, true);
    checklist = toggleEntry(checklist, lift, null, true);
    checklist = changeEntry(checklist, checklistKey(roof, houseA), 'lastDoneYear', ' 1998 ');
    checklist = changeEntry(checklist, checklistKey(roof, houseA), 'quantity', '1 250,5');
    expect(checklistRequest(checklist, 2026)).toEqual({
      components: [
        { componentId: roof, buildingId: houseA, lastDoneYear: 1998, quantity: 1250.5 },
        { componentId: roof, buildingId: houseB },
        { componentId: lift },
      ],
      errors: new Map(),
    });
  });

  it('names each wrong field with the API’s message key and leaves that entry out', () => {
    let checklist = toggleEntry(emptyChecklist, roof, houseA, true);
    checklist = toggleEntry(checklist, lift, houseA, true);
    checklist = changeEntry(checklist, checklistKey(roof, houseA), 'lastDoneYear', '1850');
    checklist = changeEntry(checklist, checklistKey(roof, houseA), 'quantity', '-3');
    checklist = changeEntry(checklist, checklistKey(lift, houseA), 'lastDoneYear', '2001,5');
    checklist = changeEntry(checklist, checklistKey(lift, houseA), 'quantity', 'tre');
    checklist = toggleEntry(checklist, lift, houseB, true);
    checklist = changeEntry(checklist, checklistKey(lift, houseB), 'lastDoneYear', '2027');
    const { components, errors } = checklistRequest(checklist, 2026);
    expect(components).toEqual([]);
    expect(errors).toEqual(
      new Map([
        [checklistKey(roof, houseA), { lastDoneYear: 'year.out_of_range', quantity: 'quantity.out_of_range' }],
        [checklistKey(lift, houseA), { lastDoneYear: 'number.not_integer', quantity: 'number.invalid' }],
        [checklistKey(lift, houseB), { lastDoneYear: 'library.last_done_in_future' }],
      ]),
    );
  });

  it('places the API’s field errors beside the fields of the entries they name, by position', () => {
    let checklist = toggleEntry(emptyChecklist, roof, houseA, true);
    checklist = toggleEntry(checklist, lift, houseB, true);
    expect(
      checklistErrorsFromApi(checklist, {
        'components.1.lastDoneYear': 'library.next_year_out_of_range',
        'components.1.quantity': 'quantity.out_of_range',
        'components.0.componentId': 'library.component_unknown',
        'components.7.quantity': 'quantity.out_of_range',
      }),
    ).toEqual(new Map([[checklistKey(lift, houseB), { lastDoneYear: 'library.next_year_out_of_range', quantity: 'quantity.out_of_range' }]]));
  });
});
