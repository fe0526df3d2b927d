import { auditQuery, budgetShare, chainBoxes, statusActions, yuan } from '../src/format/lab_records';

import { describe, expect, it } from 'vitest';

describe('standard status changes', () => {
    it('follows the server: suspend or retire in service, reinstate or retire suspended, nothing retired', () => {
        expect(statusActions('in_service')).toEqual(['suspend', 'retire']);
        expect(statusActions('suspended')).toEqual(['reinstate', 'retire']);
        expect(statusActions('retired')).toEqual([]);
    });
});

describe('traceability chain', () => {
    it('ends at the national standard the top of the chain names', () => {
        const boxes = chainBoxes([
            { id: 2, name: 'Blackbody', status: 'in_service', national_standard: '' },
            { id: 1, name: 'SPRT', status: 'suspended', national_standard: 'NIM ITS-90' },
        ]);
        expect(boxes.map((box) => box.label)).toEqual(['Blackbody', 'SPRT', 'NIM ITS-90']);
        expect(boxes.map((box) => box.national)).toEqual([false, false, true]);
        expect(boxes[1]?.status).toBe('suspended');
    });
    it('draws no national standard when the top names none', () => {
        expect(chainBoxes([{ id: 3, name: 'Orphan', status: 'retired', national_standard: '' }])).toHaveLength(1);
        expect(chainBoxes([])).toEqual([]);
    });
});

describe('programme tally', () => {
    it('writes cents as yuan', () => {
        expect(yuan(12345)).toBe('123.45');
        expect(yuan(5)).toBe('0.05');
        expect(yuan(-250)).toBe('-2.50');
    });
    it('gives the waived share of the budget, bounded', () => {
        expect(budgetShare(2500, 10000)).toBe(25);
        expect(budgetShare(20000, 10000)).toBe(100);
        expect(budgetShare(100, 0)).toBe(0);
    });
});

describe('audit filter', () => {
    it('leaves out blanks and an entity id without its entity', () => {
        expect(auditQuery({ entity: ' ', entity_id: '7', actor: 'li', from: '', to: '2026-01-31' }, 2, 50)).toEqual({
            entity: undefined,
            entity_id: undefined,
            actor: 'li',
            from: undefined,
            to: '2026-01-31',
            page: 2,
            per_page: 50,
        });
        expect(auditQuery({ entity: 'user', entity_id: '7', actor: '', from: '', to: '' }, 1, 20).entity_id).toBe('7');
    });
});
