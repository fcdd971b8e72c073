// One list of attendance statuses (shared/domain/jp.ts): the contract, the CLI and the screens
// take theirs from it, so a status cannot be known to one door and missing at another.
import { describe, expect, it } from 'vitest';
import { attendanceStatus } from '../../shared/contract/events.ts';
import { ARRIVAL_STATUSES, ATTENDANCE_STATUSES, STATUSES_BY_HAND_FIRST, STATUS_CODE } from '../../shared/domain/jp.ts';
import { KEY_OF_STATUS, STATUS_KEYS } from '../../renderer/src/features/trainings/format.ts';
import { buildProgram } from '../../electron/cli/main.ts';

describe('attendance statuses', () => {
  it('the contract accepts exactly the list', () => {
    expect(attendanceStatus.options).toEqual([...ATTENDANCE_STATUSES]);
  });

  it('the CLI offers exactly the list for --status', () => {
    const mark = buildProgram().commands.find((c) => c.name() === 'attendance')!.commands.find((c) => c.name() === 'mark')!;
    expect(mark.options.find((o) => o.long === '--status')!.argChoices).toEqual([...ATTENDANCE_STATUSES]);
  });

  it('the door screen lists every status once, those set by hand first', () => {
    expect([...STATUSES_BY_HAND_FIRST].sort()).toEqual([...ATTENDANCE_STATUSES].sort());
    expect(STATUSES_BY_HAND_FIRST.slice(-ARRIVAL_STATUSES.length)).toEqual([...ARRIVAL_STATUSES]);
  });

  it('every status has its recap code and its own key on the screens', () => {
    expect(Object.keys(STATUS_CODE).sort()).toEqual([...ATTENDANCE_STATUSES].sort());
    expect(Object.values(STATUS_KEYS).sort()).toEqual([...ATTENDANCE_STATUSES].sort());
    expect(new Set(Object.values(KEY_OF_STATUS)).size).toBe(ATTENDANCE_STATUSES.length);
  });
});
