// `attendance` and `event`: marking at the door from a script, and an event's recap.
import { Option, type Command } from 'commander';
import type { ScanResult } from '../../shared/contract/attendance.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import { formatNip, parseNip } from '../../shared/domain/nip.ts';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../shared/domain/jp.ts';
import { errorText } from '../../shared/i18n/index.ts';
import type { Backend } from '../backend/backend.ts';
import { callAsCli, print, t, withBackend, type CliOutcome } from './support.ts';

interface MarkOptions { session: string; nip: string; status?: AttendanceStatus }

/**
 * `--status`: attendance.setStatus decides (marked, changed or already, in one transaction). Its
 * answer is printed in the scan's shape, so both ways print alike (a change reads "marked"); a
 * NIP it refuses (not on the roster, not enrolled, malformed) is told like a scan's, with the
 * backend's own message as the line on stderr.
 */
async function setByHand(backend: Backend, opts: MarkOptions & { status: AttendanceStatus }): Promise<{ result: ScanResult; failure?: string }> {
  const parsed = parseNip(opts.nip);
  const nip = parsed.ok ? parsed.nip.digits : opts.nip.trim();
  try {
    const set = await callAsCli(backend, 'attendance.setStatus', { sessionId: opts.session, nip: opts.nip, status: opts.status });
    return { result: { outcome: set.outcome === 'already' ? 'already' : 'marked', person: set.participant, mark: set.mark, nip, code: null } };
  } catch (err) {
    const issue = err instanceof ApiError && err.code === 'VALIDATION' ? err.details?.issues?.find((i) => i.path[0] === 'nip') : undefined;
    if (!issue) throw err;
    const outcome = issue.message === 'employee.unknown_nip' ? 'unknown' : issue.message === 'attendance.not_enrolled' ? 'not_enrolled' : 'invalid';
    return {
      result: { outcome, person: null, mark: null, nip, code: outcome === 'invalid' ? issue.message : null },
      failure: errorText(t, err as ApiError),
    };
  }
}

export function registerTrainingCommands(program: Command, outcome: CliOutcome): void {
  const attendance = program.command('attendance').description('kehadiran');
  attendance.command('mark')
    .description('catat kehadiran satu peserta (seperti memindai NIP di pintu)')
    .requiredOption('--session <id>', 'id sesi')
    .requiredOption('--nip <nip>', 'NIP peserta (boleh berspasi)')
    .addOption(new Option('--status <status>', 'status selain hadir/terlambat otomatis').choices([...ATTENDANCE_STATUSES]))
    .option('--json', 'cetak JSON')
    .action(async (opts: MarkOptions, cmd: Command) => withBackend(cmd, async (backend) => {
      // A status given by hand is the backend's attendance.setStatus (the door screen's too);
      // without one, the NIP is scanned as at the door.
      const { result, failure } = opts.status
        ? await setByHand(backend, { ...opts, status: opts.status })
        : { result: await callAsCli(backend, 'attendance.scan', { sessionId: opts.session, input: opts.nip }), failure: undefined };
      const done = result.outcome === 'marked' || result.outcome === 'already';
      const human = () => {
        switch (result.outcome) {
          case 'marked': return `${result.person!.name} (${formatNip(result.nip)}): ${result.mark!.status}.`;
          case 'already': return `${result.person!.name} sudah tercatat (${result.mark!.status}); tidak ada yang diubah.`;
          case 'not_enrolled': return failure ?? `${result.person!.name} belum terdaftar sebagai peserta kegiatan ini.`;
          case 'unknown': return failure ?? `NIP ${formatNip(result.nip)} tidak ada di daftar pegawai.`;
          default: return failure ?? t(result.code ?? 'nip.wrong_length');
        }
      };
      // A NIP that can't be marked is a failure: one line on stderr, the JSON result still on stdout.
      if (done || cmd.opts().json) print(cmd, result, human);
      if (!done) {
        process.stderr.write(`bangkom: ${human().replace(/\s*\n\s*/g, ' ')}\n`);
        outcome.exitCode = 1;
      }
    }));

  const eventCmd = program.command('event').description('kegiatan');
  eventCmd.command('recap <id>')
    .description('rekap kehadiran, JP, dan kelulusan peserta')
    .option('--json', 'cetak JSON')
    .action(async (id: string, _opts: unknown, cmd: Command) => withBackend(cmd, async (backend) => {
      const recap = await callAsCli(backend, 'recap.event', { eventId: id });
      print(cmd, recap, () => [
        `${recap.name}: ${recap.totals.participants} peserta, ${recap.totals.passed} lulus, ${recap.totals.notPassed} tidak memenuhi syarat${recap.totals.pending ? `, ${recap.totals.pending} belum selesai` : ''}.`,
        ...recap.rows.map((r) => `${(r.nip ? formatNip(r.nip) : '-').padEnd(22)} ${r.name.padEnd(32)} ${r.codes.map((c) => c || '·').join(' ')}  ${r.attendancePct}%  ${r.jp} JP  ${{ passed: 'lulus', not_passed: 'TMS', pending: 'belum selesai' }[r.result]}`),
      ].join('\n'));
    }));
}
