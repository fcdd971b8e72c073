// Laporan pencapaian 20 JP from the ledger (services/ledger.ts ledgerYear): the same count the
// "Belum 20 JP" screen shows, per unit and per active employee, optionally for one unit.
import { formatGolongan } from '../../../shared/domain/golongan.ts';
import { T, fill } from '../../../shared/pdf/reports/common.ts';
import { jpNote } from '../../../shared/pdf/reports/jp.ts';
import type { JpReport, JpUnitRow } from '../../../shared/pdf/reports/types.ts';
import type { LedgerYear } from '../../../shared/contract/ledger.ts';
import type { Db } from '../db/open.ts';
import { ledgerYear } from '../services/ledger.ts';
import { DECIMAL_FORMAT, type XCell, type XSheet } from './xlsx.ts';
import { getUnit } from '../db/repos/units.ts';

const J = T.jp;
const round1 = (n: number) => Math.round(n * 10) / 10;

function unitRow(unit: string, t: LedgerYear['office']): JpUnitRow {
  return {
    unit, employees: t.employees, reached: t.reached, behind: t.behind, averageJp: t.averageJp,
    pctReached: t.employees > 0 ? round1((t.reached / t.employees) * 100) : null,
  };
}

export function jpReport(db: Db, q: { year: number; unitId?: string }, now: Date): JpReport {
  const ledger = ledgerYear(db, { year: q.year, unitId: q.unitId, behind: false }, now);
  const order = new Map(ledger.units.map((u, i) => [u.unitId, i]));
  const people = [...ledger.rows]
    .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || a.name.localeCompare(b.name, 'id') || a.nip.localeCompare(b.nip))
    .map((r) => ({
      nip: r.nip, name: r.name, golongan: r.golongan ? formatGolonganShort(r.golongan) : '', unit: r.unit ?? J.noUnit,
      eventJp: r.eventJp, externalJp: r.externalJp, unverifiedJp: r.unverifiedJp, jp: r.jp, target: r.target, gap: r.gap,
    }));
  return {
    year: q.year,
    // By the unit itself: a unit with nobody active has no row in the ledger.
    unit: q.unitId ? (getUnit(db, q.unitId)?.name ?? null) : null,
    targets: ledger.targets,
    units: ledger.units.map((u) => unitRow(u.unit ?? J.noUnit, u)),
    office: unitRow(T.common.total, ledger.office),
    people,
  };
}

/** "III/a" or "IX": the short form, as a narrow column has room for. */
function formatGolonganShort(code: string): string {
  const long = formatGolongan(code);
  const inner = /\(([^)]+)\)$/.exec(long);
  return inner ? inner[1]! : long;
}

export function jpSheets(r: JpReport, officeName: string): XSheet[] {
  const title = [fill(J.title, { year: r.year }), r.unit ? fill(J.unitLine, { unit: r.unit }) : officeName, fill(T.common.period, { year: r.year })];
  const units: XCell[][] = r.units.map((u, i) => [i + 1, u.unit, u.employees, u.reached, u.behind, u.averageJp, u.pctReached]);
  if (!r.unit) units.push([null, T.common.total, r.office.employees, r.office.reached, r.office.behind, r.office.averageJp, r.office.pctReached]);
  return [
    {
      name: J.sheetUnits,
      title,
      headers: [T.common.no, J.unit, J.employees, J.reached, J.behind, J.averageJp, J.pctReached],
      rows: units,
      boldRows: r.unit ? new Set() : new Set([units.length - 1]),
      formats: { 5: DECIMAL_FORMAT, 6: DECIMAL_FORMAT },
    },
    {
      name: J.sheetPeople,
      title,
      headers: [T.common.no, J.nip, J.name, J.golongan, J.unit, J.eventJp, J.externalJp, J.unverifiedJp, J.jp, J.target, J.gap, J.note],
      rows: r.people.map((p, i) => [i + 1, p.nip, p.name, p.golongan, p.unit, p.eventJp, p.externalJp, p.unverifiedJp, p.jp, p.target, p.gap, jpNote(p)]),
      textColumns: [1],
      formats: { 5: DECIMAL_FORMAT, 6: DECIMAL_FORMAT, 7: DECIMAL_FORMAT, 8: DECIMAL_FORMAT, 10: DECIMAL_FORMAT },
    },
  ];
}
