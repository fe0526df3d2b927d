// Pure helpers of the records pages (standards, programmes, audit). Tested in
// tests/lab_records.test.ts.
import type { AuditQuery } from '../api/audit';
import type { ChainLink, StandardStatus, StatusAction } from '../api/standards';

/** The status changes a standard in `status` allows, as the server's rules do. */
export function statusActions(status: StandardStatus): StatusAction[] {
    switch (status) {
        case 'in_service':
            return ['suspend', 'retire'];
        case 'suspended':
            return ['reinstate', 'retire'];
        default:
            return [];
    }
}

/** One box of the drawn traceability chain; the last one is the national standard. */
export interface ChainBox {
    key: string;
    label: string;
    status?: StandardStatus;
    id?: number;
    national: boolean;
}

/**
 * The chain from the standard up to the national standard: the lab's standards in order,
 * then the national standard the top one names (when it names one).
 */
export function chainBoxes(chain: readonly ChainLink[]): ChainBox[] {
    const boxes: ChainBox[] = chain.map((link) => ({
        key: `standard-${link.id}`,
        label: link.name,
        status: link.status,
        id: link.id,
        national: false,
    }));
    const top = chain.at(-1);
    if (top !== undefined && top.national_standard !== '') {
        boxes.push({ key: 'national', label: top.national_standard, national: true });
    }
    return boxes;
}

/** Cents as yuan with two decimals ("12345" → "123.45"). */
export function yuan(cents: number): string {
    const sign = cents < 0 ? '-' : '';
    const whole = Math.abs(cents);
    return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/** The share of a programme's budget its jobs waived, 0…100 (0 for no budget). */
export function budgetShare(waivedCents: number, budgetCents: number): number {
    if (budgetCents <= 0) {
        return 0;
    }
    return Math.min(100, Math.max(0, Math.round((waivedCents / budgetCents) * 100)));
}

/**
 * The audit list's query from the filter form: blanks left out, an entity id only with its
 * entity (the server refuses one alone).
 */
export function auditQuery(form: { entity: string; entity_id: string; actor: string; from: string; to: string }, page: number, perPage: number): AuditQuery {
    const trimmed = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());
    const entity = trimmed(form.entity);
    return {
        entity,
        entity_id: entity === undefined ? undefined : trimmed(form.entity_id),
        actor: trimmed(form.actor),
        from: trimmed(form.from),
        to: trimmed(form.to),
        page,
        per_page: perPage,
    };
}
