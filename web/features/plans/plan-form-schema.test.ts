import { describe, expect, it } from 'vitest';
import { createPlanRequestSchema } from '../../../shared/schemas/plan.ts';
import { newPlanSettings, planFormSchema } from './plan-form-schema.ts';

const filled = {
  name: ' Underhållsplan 2026 ',
  startYear: '2026',
  lengthYears: '30',
  clientCostPercent: '10',
  vatPercent: '25',
  'indexation.enabled': 'on',
  'indexation.annualRatePercent': '2,5',
  'indexation.defaultBaseYear': '2026',
  'fund.openingBalance': '1 250 000,50',
  'fund.currentProvisionPerYear': '400\u00a0000',
  'fund.provisionGrowthPercent': '-1,5',
  'fund.interestRatePercent': '0',
  'fund.minimumBalance': '100000',
};

describe('planFormSchema', () => {
  it('turns the form into the complete nested API request', () => {
    const request = planFormSchema.parse(filled);
    expect(request).toEqual({
      name: 'Underhållsplan 2026',
      startYear: 2026,
      lengthYears: 30,
      clientCostPercent: 10,
      vatPercent: 25,
      indexation: { enabled: true, annualRatePercent: 2.5, defaultBaseYear: 2026 },
      fund: {
        openingBalance: 1250000.5,
        currentProvisionPerYear: 400000,
        provisionGrowthPercent: -1.5,
        interestRatePercent: 0,
        minimumBalance: 100000,
      },
    });
    expect(createPlanRequestSchema.parse(request)).toEqual(request);
  });

  it('reads an unticked box as off and a blank base year as none', () => {
    const { 'indexation.enabled': _ticked, ...unticked } = filled;
    expect(planFormSchema.parse({ ...unticked, 'indexation.defaultBaseYear': ' ' }).indexation).toEqual({
      enabled: false,
      annualRatePercent: 2.5,
      defaultBaseYear: null,
    });
  });

  it('reports errors under the dotted API paths with the API message codes', () => {
    const result = planFormSchema.safeParse({
      ...filled,
      lengthYears: '0',
      vatPercent: '',
      'indexation.annualRatePercent': '60',
      'fund.openingBalance': 'mycket',
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['lengthYears', 'plan.length_out_of_range'],
      ['vatPercent', 'field.required'],
      ['indexation.annualRatePercent', 'rate.out_of_range'],
      ['fund.openingBalance', 'number.invalid'],
    ]);
  });
});

describe('newPlanSettings', () => {
  it('starts this year with the server defaults and a base year ready for indexation', () => {
    expect(newPlanSettings(2026)).toEqual({
      name: '',
      startYear: 2026,
      lengthYears: 30,
      clientCostPercent: 0,
      vatPercent: 25,
      indexation: { enabled: false, annualRatePercent: 0, defaultBaseYear: 2026 },
      fund: { openingBalance: 0, currentProvisionPerYear: 0, provisionGrowthPercent: 0, interestRatePercent: 0, minimumBalance: 0 },
    });
  });
});
