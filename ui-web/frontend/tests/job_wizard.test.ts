import type { ProcedureChoice, StandardChoice } from '../src/api/job_wizard';
import type { Instrument } from '../src/api/types';
import {
    chooseStandards,
    emptyDraft,
    firstBlockedStep,
    jobBody,
    quantityOf,
    standardOptions,
    stepProblems,
    type WizardDraft,
} from '../src/format/job_wizard';

import { describe, expect, it } from 'vitest';

const thermometer: Instrument = {
    id: 7,
    kind: 'ir_forehead_thermometer',
    maker: 'Yuwell',
    model: 'YHW-2',
    serial: 'YW2100457',
    range_low: 32,
    range_high: 42.5,
    unit: 'degC',
    resolution: 0.1,
    enterprise_id: 3,
    regime: 'calibration',
};

const forehead: ProcedureChoice = {
    id: 1,
    code: 'IRT-FOREHEAD',
    version: 1,
    kind: 'ir_forehead_thermometer',
    method_reference: 'JJF 1107-2003',
    unit: 'degC',
    test_points: [35, 37, 39],
    point_conditions: [],
    readings_per_point: 5,
    maximum_permissible_error: 0.2,
    fee_cents: 5000,
};

const blackbody: StandardChoice = {
    id: 1,
    name: 'Blackbody source',
    maker: 'Fluke',
    model: '4180',
    serial: 'BB-1',
    status: 'in_service',
    certificate: { number: 'NIM-BB-1', due_on: '2027-11-01', uncertainty: 'U = 0.05 °C (k = 2)' },
    usable: true,
    reason: null,
};

const suspended: StandardChoice = {
    ...blackbody,
    id: 2,
    name: 'Old blackbody',
    status: 'suspended',
    usable: false,
    reason: 'standard 2 (Old blackbody) is suspended',
};

function complete(): WizardDraft {
    return {
        ...emptyDraft(),
        enterpriseId: 3,
        instrument: thermometer,
        procedure: forehead,
        standards: [[1], [1], [1]],
        funding: 'paid',
        feeYuan: 50,
        title: 'IR forehead thermometer YW2100457',
    };
}

describe('wizard steps', () => {
    it('names the field of each missing choice', () => {
        const draft = emptyDraft();
        expect(stepProblems('enterprise', draft)).toEqual([{ field: 'enterprise_id', key: 'enterprise' }]);
        expect(stepProblems('instrument', draft)[0]?.field).toBe('instrument_id');
        expect(stepProblems('procedure', draft)[0]?.field).toBe('procedure_id');
        expect(stepProblems('funding', draft)[0]?.field).toBe('funding');
        expect(stepProblems('confirm', draft)[0]?.field).toBe('title');
    });

    it('refuses an instrument of another enterprise and a procedure of another kind', () => {
        const draft = { ...complete(), enterpriseId: 4 };
        expect(stepProblems('instrument', draft)[0]?.key).toBe('instrumentOfOther');
        const power = { ...forehead, kind: 'power_analyser' as const };
        expect(stepProblems('procedure', { ...complete(), procedure: power })[0]?.key).toBe('procedureKind');
    });

    it('wants a usable standard at every test point, naming the point', () => {
        const draft = { ...complete(), standards: [[1], [], [1]] };
        expect(stepProblems('standards', draft, [blackbody])).toEqual([
            { field: 'standards.1', key: 'standardMissing', values: { point: 2, nominal: 37 } },
        ]);
        const unusable = { ...complete(), standards: [[1], [1], [2]] };
        const problems = stepProblems('standards', unusable, [blackbody, suspended]);
        expect(problems).toHaveLength(1);
        expect(problems[0]?.field).toBe('standards.2');
        expect(problems[0]?.values?.reason).toContain('suspended');
        expect(stepProblems('standards', complete(), [blackbody])).toEqual([]);
    });

    it('checks the fee in yuan or the programme', () => {
        expect(stepProblems('funding', { ...complete(), feeYuan: -1 })[0]?.field).toBe('fee_cents');
        expect(stepProblems('funding', { ...complete(), feeYuan: 12.345 })[0]?.field).toBe('fee_cents');
        expect(stepProblems('funding', { ...complete(), feeYuan: 0 })).toEqual([]);
        expect(stepProblems('funding', { ...complete(), funding: 'free' })[0]?.field).toBe('programme_id');
        expect(stepProblems('funding', { ...complete(), funding: 'free', programmeId: 2.5 })[0]?.field).toBe(
            'programme_id',
        );
        expect(stepProblems('funding', { ...complete(), funding: 'free', programmeId: 2 })).toEqual([]);
    });

    it('does not open a step over an earlier one with a problem', () => {
        expect(firstBlockedStep('funding', { ...complete(), standards: [[1]] }, [blackbody])).toBe('standards');
        expect(firstBlockedStep('confirm', complete(), [blackbody])).toBeUndefined();
    });
});

describe('standards per test point', () => {
    it('offers unusable standards disabled with the reason', () => {
        const options = standardOptions([blackbody, suspended]);
        expect(options[0]).toEqual({
            id: 1,
            label: 'Blackbody source (Fluke 4180 BB-1)',
            disabled: false,
            reason: 'NIM-BB-1, 2027-11-01',
        });
        expect(options[1]?.disabled).toBe(true);
        expect(options[1]?.reason).toBe('standard 2 (Old blackbody) is suspended');
    });

    it('fills later empty points with the choice made for an earlier one', () => {
        expect(chooseStandards([[], [], []], 3, 0, [1])).toEqual([[1], [1], [1]]);
        expect(chooseStandards([[1], [2], []], 3, 0, [3])).toEqual([[3], [2], [3]]);
        expect(chooseStandards([[1], [1], [1]], 3, 2, [2, 1])).toEqual([[1], [1], [2, 1]]);
    });
});

describe('the job sent', () => {
    it('is the API body of a complete draft, standards per point, fee in cents', () => {
        expect(jobBody(complete(), [blackbody])).toEqual({
            title: 'IR forehead thermometer YW2100457',
            instrument: 'Yuwell YHW-2 YW2100457',
            quantity: 'object_temperature',
            unit: 'degC',
            resolution: 0.1,
            enterprise_id: 3,
            instrument_id: 7,
            procedure_id: 1,
            fee_cents: 5000,
            standards: [
                { test_point: 0, standard_id: 1 },
                { test_point: 1, standard_id: 1 },
                { test_point: 2, standard_id: 1 },
            ],
        });
    });

    it('names the programme when free and is nothing while a step has a problem', () => {
        const free = jobBody({ ...complete(), funding: 'free', programmeId: 4 }, [blackbody]);
        expect(free?.programme_id).toBe(4);
        expect(free?.fee_cents).toBe(5000);
        expect(jobBody({ ...complete(), title: ' ' }, [blackbody])).toBeUndefined();
    });

    it('names the quantity by kind and unit', () => {
        expect(quantityOf('ir_ear_thermometer', 'degC')).toBe('object_temperature');
        expect(quantityOf('power_analyser', 'W')).toBe('active_power');
        expect(quantityOf('energy_meter', 'kWh')).toBe('active_energy');
    });
});
