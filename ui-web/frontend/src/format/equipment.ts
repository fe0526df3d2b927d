// The equipment list's filters and the way bookable hours read. Pure, tested in
// tests/booking_shaping.test.ts.
import type { Equipment } from '../api/booking_types';
import { minutesOfDay, weekdays } from '../calendar/week';

export interface EquipmentFilter {
    name: string;
    /** 'usable': its standard may be used today; 'blocked': not. */
    status: '' | 'usable' | 'blocked';
    approval: '' | 'required' | 'none';
    bookable: '' | 'yes' | 'no';
}

/** Whether any time of the week can be booked at all. */
export function isBookable(equipment: Equipment): boolean {
    return equipment.bookable_days.length > 0 && minutesOfDay(equipment.bookable_to) > minutesOfDay(equipment.bookable_from);
}

export function filterEquipment(items: readonly Equipment[], filter: EquipmentFilter): Equipment[] {
    const name = filter.name.trim().toLowerCase();
    return items.filter(
        (e) =>
            (name === '' || e.name.toLowerCase().includes(name)) &&
            (filter.status === '' || e.blocked === (filter.status === 'blocked')) &&
            (filter.approval === '' || e.approval_required === (filter.approval === 'required')) &&
            (filter.bookable === '' || isBookable(e) === (filter.bookable === 'yes')),
    );
}

/**
 * The bookable days as runs: ["mon","tue","wed","thu","fri"] → [["mon","fri"]], ["mon","wed"]
 * → [["mon"],["wed"]], for labels such as "Mon–Fri".
 */
export function dayRuns(days: readonly string[]): string[][] {
    const runs: string[][] = [];
    let run: string[] = [];
    weekdays.forEach((day, index) => {
        if (days.includes(day)) {
            run.push(day);
        }
        if (!days.includes(day) || index === weekdays.length - 1) {
            if (run.length > 0) {
                runs.push(run.length === 1 ? [run[0]!] : [run[0]!, run[run.length - 1]!]);
            }
            run = [];
        }
    });
    return runs;
}
