// The job wizard's steps and their checks, pure so that they are tested without a browser.
// Each problem names the field it belongs to, as the API's refusals do, so the page shows
// it at that field.
import type { NewJobBody, ProcedureChoice, StandardChoice } from '../api/job_wizard';
import type { Instrument, InstrumentKind } from '../api/types';

export const wizardSteps = ['enterprise', 'instrument', 'procedure', 'standards', 'funding', 'confirm'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export type Funding = 'paid' | 'free';

/** What the technician has chosen so far. */
export interface WizardDraft {
    enterpriseId?: number;
    instrument?: Instrument;
    procedure?: ProcedureChoice;
    /** Per test point (index), the standards chosen; the first is the point's reference. */
    standards: number[][];
    funding?: Funding;
    /** The fee in yuan when paid. */
    feeYuan?: number;
    /** The programme when free. */
    programmeId?: number;
    title: string;
}

/** A problem with a step: the field and the message key under `wizard.problems`. */
export interface WizardProblem {
    field: string;
    key: string;
    /** Values for the message: the test point, the standard's name, … */
    values?: Record<string, string | number>;
}

export function emptyDraft(): WizardDraft {
    return { standards: [], title: '' };
}

function isPositiveInteger(value: number | undefined): value is number {
    return value !== undefined && Number.isInteger(value) && value > 0;
}

/** The problems of one step; none means the step may be left forward. */
export function stepProblems(
    step: WizardStep,
    draft: WizardDraft,
    standards: readonly StandardChoice[] = [],
): WizardProblem[] {
    switch (step) {
        case 'enterprise':
            return isPositiveInteger(draft.enterpriseId) ? [] : [{ field: 'enterprise_id', key: 'enterprise' }];
        case 'instrument':
            if (draft.instrument === undefined) {
                return [{ field: 'instrument_id', key: 'instrument' }];
            }
            return draft.instrument.enterprise_id === draft.enterpriseId
                ? []
                : [{ field: 'instrument_id', key: 'instrumentOfOther' }];
        case 'procedure':
            if (draft.procedure === undefined) {
                return [{ field: 'procedure_id', key: 'procedure' }];
            }
            return draft.instrument !== undefined && draft.procedure.kind !== draft.instrument.kind
                ? [{ field: 'procedure_id', key: 'procedureKind' }]
                : [];
        case 'standards':
            return standardProblems(draft, standards);
        case 'funding':
            return fundingProblems(draft);
        case 'confirm':
            return draft.title.trim() === '' ? [{ field: 'title', key: 'title' }] : [];
    }
}

function standardProblems(draft: WizardDraft, standards: readonly StandardChoice[]): WizardProblem[] {
    const points = draft.procedure?.test_points ?? [];
    const problems: WizardProblem[] = [];
    points.forEach((nominal, point) => {
        const chosen = draft.standards[point] ?? [];
        if (chosen.length === 0) {
            problems.push({ field: `standards.${point}`, key: 'standardMissing', values: { point: point + 1, nominal } });
        }
        for (const id of chosen) {
            const standard = standards.find((s) => s.id === id);
            if (standard === undefined || !standard.usable) {
                problems.push({
                    field: `standards.${point}`,
                    key: 'standardNotUsable',
                    values: { point: point + 1, name: standard?.name ?? `#${id}`, reason: standard?.reason ?? '' },
                });
            }
        }
    });
    return problems;
}

function fundingProblems(draft: WizardDraft): WizardProblem[] {
    if (draft.funding === 'paid') {
        const fee = draft.feeYuan;
        return fee !== undefined && Number.isFinite(fee) && fee >= 0 && Math.round(fee * 100) === fee * 100
            ? []
            : [{ field: 'fee_cents', key: 'fee' }];
    }
    if (draft.funding === 'free') {
        return isPositiveInteger(draft.programmeId) ? [] : [{ field: 'programme_id', key: 'programme' }];
    }
    return [{ field: 'funding', key: 'funding' }];
}

/** The first step with a problem before `step` (a step further on cannot be opened over it). */
export function firstBlockedStep(
    step: WizardStep,
    draft: WizardDraft,
    standards: readonly StandardChoice[] = [],
): WizardStep | undefined {
    for (const earlier of wizardSteps.slice(0, wizardSteps.indexOf(step))) {
        if (stepProblems(earlier, draft, standards).length > 0) {
            return earlier;
        }
    }
    return undefined;
}

/** The standards the technician may pick (usable today) and those shown disabled with why. */
export function standardOptions(standards: readonly StandardChoice[]): {
    id: number;
    label: string;
    disabled: boolean;
    reason: string;
}[] {
    return standards.map((s) => ({
        id: s.id,
        label: `${s.name} (${[s.maker, s.model, s.serial].filter((x) => x !== '').join(' ')})`,
        disabled: !s.usable,
        reason: s.usable ? (s.certificate ? `${s.certificate.number}, ${s.certificate.due_on}` : '') : (s.reason ?? ''),
    }));
}

/** Puts `chosen` at `point` and, where later points have nothing chosen yet, there too. */
export function chooseStandards(current: readonly number[][], points: number, point: number, chosen: number[]): number[][] {
    const next: number[][] = [];
    for (let i = 0; i < points; ++i) {
        const had = current[i] ?? [];
        next.push(i === point ? [...chosen] : i > point && had.length === 0 ? [...chosen] : [...had]);
    }
    return next;
}

const temperatureKinds: readonly InstrumentKind[] = [
    'ir_forehead_thermometer',
    'ir_ear_thermometer',
    'radiation_thermometer',
];

/** The measured quantity a job of this kind and unit names (the API's `quantity`). */
export function quantityOf(kind: InstrumentKind, unit: string): string {
    if (temperatureKinds.includes(kind)) {
        return 'object_temperature';
    }
    const byUnit: Record<string, string> = { V: 'voltage', A: 'current', W: 'active_power', kWh: 'active_energy' };
    return byUnit[unit] ?? 'quantity';
}

/** The job's default title: the kind's name and the instrument's serial. */
export function defaultTitle(kindName: string, instrument: Instrument): string {
    return `${kindName} ${instrument.serial}`.trim();
}

/** The body of `POST /api/jobs` for a complete draft; undefined while a step has a problem. */
export function jobBody(draft: WizardDraft, standards: readonly StandardChoice[] = []): NewJobBody | undefined {
    if (wizardSteps.some((step) => stepProblems(step, draft, standards).length > 0)) {
        return undefined;
    }
    const instrument = draft.instrument as Instrument;
    const procedure = draft.procedure as ProcedureChoice;
    const body: NewJobBody = {
        title: draft.title.trim(),
        instrument: [instrument.maker, instrument.model, instrument.serial].filter((x) => x !== '').join(' '),
        quantity: quantityOf(instrument.kind, procedure.unit),
        unit: procedure.unit,
        resolution: instrument.resolution,
        enterprise_id: draft.enterpriseId as number,
        instrument_id: instrument.id,
        procedure_id: procedure.id,
        fee_cents: draft.funding === 'paid' ? Math.round((draft.feeYuan ?? 0) * 100) : procedure.fee_cents,
        standards: draft.standards.flatMap((ids, point) => ids.map((id) => ({ test_point: point, standard_id: id }))),
    };
    if (draft.funding === 'free') {
        body.programme_id = draft.programmeId;
    }
    return body;
}
