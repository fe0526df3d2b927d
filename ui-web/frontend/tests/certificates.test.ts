import { certificatePath, certificateQueryString } from '../src/api/certificates';
import { hasReason, mayCorrect, maySign, mayRevoke, shortHash, statusTagType, verificationPagePath } from '../src/format/certificate';

import { describe, expect, it } from 'vitest';

describe('certificate list query', () => {
    it('keeps only the parameters given, in a fixed order', () => {
        expect(certificateQueryString({})).toBe('');
        expect(certificateQueryString({ status: '', page: 2, per_page: 20, sort: '-issued_at' })).toBe('?page=2&per_page=20&sort=-issued_at');
        expect(certificateQueryString({ enterprise_id: 4, status: 'revoked', job_id: 7 })).toBe('?status=revoked&job_id=7&enterprise_id=4');
    });
    it('escapes numbers in paths', () => {
        expect(certificatePath('CAL-2026-000001')).toBe('/api/certificates/CAL-2026-000001');
        expect(certificatePath('CAL-2026-000001', 'pdf')).toBe('/api/certificates/CAL-2026-000001.pdf');
        expect(certificatePath('A B', 'xml')).toBe('/api/certificates/A%20B.xml');
        expect(verificationPagePath('CAL#1')).toBe('/verification/CAL%231');
    });
});

describe('what the pages offer', () => {
    it('tags each status', () => {
        expect(statusTagType('valid')).toBe('success');
        expect(statusTagType('superseded')).toBe('warning');
        expect(statusTagType('revoked')).toBe('danger');
    });
    it('offers revocation to signatories and managers of valid certificates only', () => {
        expect(mayRevoke('signatory', 'valid')).toBe(true);
        expect(mayRevoke('manager', 'valid')).toBe(true);
        expect(mayRevoke('manager', 'revoked')).toBe(false);
        expect(mayRevoke('signatory', 'superseded')).toBe(false);
        expect(mayRevoke('technician', 'valid')).toBe(false);
        expect(mayRevoke(undefined, 'valid')).toBe(false);
    });
    it('lets technicians correct only a valid certificate', () => {
        expect(mayCorrect('technician', 'valid')).toBe(true);
        expect(mayCorrect('technician', 'superseded')).toBe(false);
        expect(mayCorrect('technician', 'revoked')).toBe(false);
        expect(mayCorrect('signatory', 'valid')).toBe(false);
        expect(mayCorrect(undefined, 'valid')).toBe(false);
    });
    it('lets only signatories approve and issue', () => {
        expect(maySign('signatory')).toBe(true);
        expect(maySign('manager')).toBe(false);
        expect(maySign('reviewer')).toBe(false);
    });
    it('wants a reason with words in it', () => {
        expect(hasReason('  ')).toBe(false);
        expect(hasReason(' wrong standard ')).toBe(true);
    });
    it('shortens hashes for tables', () => {
        const hash = 'a'.repeat(8) + 'b'.repeat(48) + 'c'.repeat(8);
        expect(shortHash(hash)).toBe('aaaaaaaa…cccccccc');
        expect(shortHash('abc')).toBe('abc');
    });
});
