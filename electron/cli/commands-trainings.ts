// `attendance` and `event`: marking at the door from a script, and an event's recap.
import { Option, type Command } from 'commander';
import type { ScanResult } from '../../shared/contract/attendance.ts';
import { formatNip, parseNip } from '../../shared/domain/nip.ts';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../shared/domain/jp.ts';
import { callAsCli, print, t, withBackend, type CliOutcome } from './support.ts';

export function registerTrainingCommands(program: Command, outcome: CliOutcome): void {
  const attendance = program.command('attendance').description('kehadiran');
  attendance.command('mark')
    .description('catat kehadiran satu peserta (seperti memindai NIP di pintu)')
    .requiredOption('--session <id>', 'id sesi')
    .requiredOption('--nip <nip>', 'NIP peserta (boleh berspasi)')
    .addOption(new Option('--status <status>', 'status selain hadir/terlambat otomatis').choices([...ATTENDANCE_STATUSES]))
    .option('--json', 'cetak JSON')
    .action(async (opts: { session: string; nip: string; status?: AttendanceStatus }, cmd: Command) => withBackend(cmd, async (backend) => {
      let result: ScanResult;
      const parsed = parseNip(opts.nip);
      // A status given by hand is set on the participant's mark directly: scanning first would
      // record a Hadir that never happened (and a second change of the same mark).
      const row = opts.status && parsed.ok
        ? (await callAsCli(backend, 'attendance.sheet', { sessionId: opts.session })).rows.find((r) => r.nip === parsed.nip.digits)
        : undefined;
      if (opts.status && row) {
        const { mark: current, ...person } = row;
        const unchanged = current?.status === opts.status;
        const mark = unchanged ? current! : await callAsCli(backend, 'attendance.mark', { sessionId: opts.session, enrolmentId: row.enrolmentId, status: opts.status, note: current?.note ?? '' });
        result = { outcome: unchanged ? 'already' : 'marked', person, mark, nip: parsed.ok ? parsed.nip.digits : opts.nip, code: null };
      } else {
        result = await callAsCli(backend, 'attendance.scan', { sessionId: opts.session, input: opts.nip });
      }
      const done = result.outcome === 'marked' || result.outcome === 'already';
      const human = () => {
        switch (result.outcome) {
          case 'marked': return `${result.person!.name} (${formatNip(result.nip)}): ${result.mark!.status}.`;
          case 'already': return `${result.person!.name} sudah tercatat (${result.mark!.status}); tidak ada yang diubah.`;
          case 'not_enrolled': return `${result.person!.name} belum terdaftar sebagai peserta kegiatan ini.`;
          case 'unknown': return `NIP ${formatNip(result.nip)} tidak ada di daftar pegawai.`;
          default: return t(result.code ?? 'nip.wrong_length');
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
        `${recap.name}: ${recap.totals.participants} peserta, ${recap.totals.passed} lulus, ${recap.totals.notPassed} tidak memenuhi syarat.`,
        ...recap.rows.map((r) => `${(r.nip ? formatNip(r.nip) : '-').padEnd(22)} ${r.name.padEnd(32)} ${r.codes.map((c) => c || '·').join(' ')}  ${r.attendancePct}%  ${r.jp} JP  ${r.passed ? 'lulus' : 'TMS'}`),
      ].join('\n'));
    }));
}
