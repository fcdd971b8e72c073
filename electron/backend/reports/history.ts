// One employee's riwayat pengembangan kompetensi, for a promotion file: the office's events the
// person completed (JP credited per year as the ledger credits them: the sessions attended in
// that year) and the external records, year by year against the target of their employee type.
import { ApiError } from '../../../shared/contract/errors.ts';
import { dayMonthYear } from '../../../shared/domain/dates.ts';
import { PRESENT_CODES, round2 } from '../../../shared/domain/jp.ts';
import { formatGolongan } from '../../../shared/domain/golongan.ts';
import { methodById } from '../../../shared/domain/methods.ts';
import { formatNip } from '../../../shared/domain/nip.ts';
import { displayName } from '../../../shared/domain/person-name.ts';
import { T, fill } from '../../../shared/pdf/reports/common.ts';
import type { HistoryReport, HistoryTraining } from '../../../shared/pdf/reports/types.ts';
import type { Db } from '../db/open.ts';
import { sql } from '../db/statements.ts';
import { getEmployee } from '../db/repos/employees.ts';
import { getEvent } from '../db/repos/trainings.ts';
import { officeNow } from '../services/events.ts';
import { eventRecap } from '../services/recap.ts';
import { targetOf } from '../services/ledger.ts';
import { trainingRules } from '../services/rules.ts';
import { organiserName } from './siasn.ts';
import { DECIMAL_FORMAT, type XCell, type XSheet } from './xlsx.ts';

type Dated = HistoryTraining & { year: number };

function eventTrainings(db: Db, employeeId: string, clock: string, officeName: string): Dated[] {
  const ids = (sql(db, `SELECT DISTINCT n.event_id AS id, n.id AS enrolment FROM enrolments n JOIN events e ON e.id = n.event_id
    WHERE n.employee_id = ? AND n.status = 'terdaftar' AND n.deleted_at IS NULL AND e.deleted_at IS NULL AND e.status <> 'batal'`)
    .all(employeeId) as { id: string; enrolment: string }[]);
  const out: Dated[] = [];
  for (const { id, enrolment } of ids) {
    const recap = eventRecap(db, id, clock);
    const row = recap.rows.find((r) => r.enrolmentId === enrolment);
    if (!row || row.result !== 'passed' || recap.sessions.length === 0) continue;
    const event = getEvent(db, id)!;
    const number = sql(db, `SELECT number FROM certificates WHERE event_id = ? AND enrolment_id = ? AND role = 'peserta'
      AND status = 'sah' AND deleted_at IS NULL`).pluck().get(id, enrolment) as string | undefined;
    // A training across the new year gives each year the JP of its own sessions attended.
    const byYear = new Map<number, number>();
    recap.sessions.forEach((s, i) => {
      if (!PRESENT_CODES.has(row.codes[i]!)) return;
      const y = Number(s.date.slice(0, 4));
      byYear.set(y, (byYear.get(y) ?? 0) + s.jp);
    });
    for (const [year, jp] of byYear) {
      out.push({
        year, title: event.name, organiser: organiserName(event.organiser, officeName), methodName: methodById(event.methodId)?.name ?? '',
        startDate: recap.sessions[0]!.date, endDate: recap.sessions.at(-1)!.date, jp: round2(jp), certificateNumber: number ?? '',
        source: 'event', verified: true,
      });
    }
  }
  return out;
}

function externalTrainings(db: Db, employeeId: string): Dated[] {
  const rows = sql(db, `SELECT title, organiser, method_id, start_date, end_date, jp, certificate_number, verified_at FROM training_records
    WHERE employee_id = ? AND deleted_at IS NULL`).all(employeeId) as { title: string; organiser: string; method_id: number; start_date: string; end_date: string; jp: number; certificate_number: string | null; verified_at: string | null }[];
  return rows.map((r) => ({
    year: Number(r.start_date.slice(0, 4)), title: r.title, organiser: r.organiser, methodName: methodById(r.method_id)?.name ?? '',
    startDate: r.start_date, endDate: r.end_date, jp: r.jp, certificateNumber: r.certificate_number ?? '', source: 'external', verified: r.verified_at !== null,
  }));
}

export function historyReport(db: Db, q: { employeeId: string; year?: number }, now: Date, officeName: string): HistoryReport {
  const e = getEmployee(db, q.employeeId);
  if (!e || e.deletedAt) throw new ApiError('NOT_FOUND', T.employee_unknown);
  const all = [...eventTrainings(db, e.id, officeNow(db, now), officeName), ...externalTrainings(db, e.id)]
    .filter((x) => q.year === undefined || x.year === q.year);
  const years = q.year !== undefined ? [q.year] : [...new Set(all.map((x) => x.year))].sort((a, b) => a - b);
  const target = targetOf(trainingRules(db), e.employmentType);
  return {
    year: q.year ?? null,
    person: {
      name: displayName({ front: e.frontTitle, name: e.name, back: e.backTitle }), nip: e.nip,
      golongan: e.golongan ? formatGolongan(e.golongan) : '', jabatan: e.jabatan, unit: e.unitName ?? '',
    },
    years: years.map((year) => {
      const trainings = all.filter((x) => x.year === year)
        .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'id'))
        .map(({ year: _y, ...x }) => x);
      return { year, trainings, totalJp: round2(trainings.reduce((a, x) => a + x.jp, 0)), target };
    }),
  };
}

export function historySheet(r: HistoryReport, officeName: string): XSheet {
  const H = T.history;
  const rows: XCell[][] = [];
  const bold = new Set<number>();
  for (const y of r.years) {
    y.trainings.forEach((x, i) => rows.push([
      y.year, i + 1, x.title, x.organiser, x.methodName, dayMonthYear(x.startDate), dayMonthYear(x.endDate), x.jp, x.certificateNumber,
      x.source === 'event' ? H.office : H.external, x.source === 'event' ? null : x.verified ? H.verified : H.unverified,
    ]));
    bold.add(rows.length);
    rows.push([y.year, null, fill(H.yearTotal, { year: y.year }), null, null, null, null, y.totalJp, null,
      y.totalJp >= y.target ? fill(H.reached, { target: y.target }) : fill(H.behind, { target: y.target, gap: round2(y.target - y.totalJp) }), null]);
  }
  return {
    name: H.sheet,
    title: [
      r.year ? fill(H.titleYear, { year: r.year }) : H.title,
      `${H.name}: ${r.person.name}`, `${H.nip}: ${formatNip(r.person.nip)}`,
      `${H.golongan}: ${r.person.golongan || T.common.dash} · ${H.jabatan}: ${r.person.jabatan || T.common.dash} · ${H.unit}: ${r.person.unit || T.common.dash}`,
      officeName,
    ],
    headers: [H.yearColumn, T.common.no, H.training, H.organiser, H.method, H.start, H.end, H.jp, H.certificate, H.source, H.verified],
    rows,
    boldRows: bold,
    textColumns: [5, 6, 8],
    formats: { 7: DECIMAL_FORMAT },
  };
}
