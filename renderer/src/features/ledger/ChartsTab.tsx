import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LedgerCharts } from '../../../../shared/contract/ledger.ts';
import type { Language } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure, rupiah } from '../trainings/format.ts';

// Distinct colours for up to twelve units (a kantor camat and its kelurahan), then repeated.
const PALETTE = ['#1f5f8b', '#c98a00', '#2e7d4f', '#9c3d54', '#5b4a9e', '#00838f', '#8d6e63', '#e07b39', '#546e7a', '#7cb342', '#d81b60', '#3949ab'];
const PLANNED = '#9fb8c9';
const REALISED = '#1f5f8b';
const BELOW = '#d9a640';
const REACHED = '#2e7d4f';
const CHART_HEIGHT = 260;
const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** Legends in the order the bars are drawn, their words in the text colour (a pale bar's name stays readable). */
const LEGEND = {
  wrapperStyle: { fontSize: 12 },
  itemSorter: null,
  formatter: (value: unknown) => <span className="ledger-legend-text">{String(value)}</span>,
} as const;

function monthShort(month: number, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** "0", "1–4", "≥ 20": a band of the distribution. */
function bandLabel(b: LedgerCharts['distribution'][number], lang: Language): string {
  if (b.to === null) return `≥ ${figure(b.from, lang)}`;
  return b.from === b.to ? figure(b.from, lang) : `${figure(b.from, lang)}–${figure(b.to, lang)}`;
}

/** "Rp 5 jt" on an axis: millions the way Indonesian tables shorten them. */
function shortRupiah(n: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (Math.abs(n) >= 1_000_000) return t('ledgerUi.charts.millions', { n: (n / 1_000_000).toLocaleString('id-ID', { maximumFractionDigits: 1 }) });
  return rupiah(n);
}

/**
 * Grafik: JP per unit per month, how many people have how many JP against the target, and the
 * programme's plan against what was done per funding source. Printable on A4 ("Cetak").
 */
export function ChartsTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const charts = useLoader(() => api['ledger.charts']({ year }), [year]);
  return (
    <div className="stack ledger-charts">
      <div className="card-head ledger-charts-head">
        <p className="form-note">{t('ledgerUi.charts.intro', { year })}</p>
        <button type="button" className="btn no-print" onClick={() => window.print()}>{t('ledgerUi.charts.print')}</button>
      </div>
      <h2 className="print-only">{t('ledgerUi.charts.printTitle', { year })}</h2>
      <LoadState loader={charts}>
        {(c) => (
          <>
            <UnitMonths charts={c} />
            <Distribution charts={c} />
            <Funding charts={c} />
          </>
        )}
      </LoadState>
    </div>
  );
}

function ChartCard({ title, note, children, table }: { title: string; note?: ReactNode; children: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="card ledger-chart" aria-labelledby={id}>
      <figcaption>
        <h2 id={id}>{title}</h2>
        {note && <p className="form-note">{note}</p>}
      </figcaption>
      {children}
      <details className="ledger-chart-data no-print">
        <summary>{t('ledgerUi.charts.asTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

function UnitMonths({ charts }: { charts: LedgerCharts }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const units = charts.unitMonths.filter((u) => u.months.some((m) => m > 0));
  const data = Array.from({ length: 12 }, (_, i) => Object.fromEntries([
    ['month', monthShort(i + 1, lang)],
    ...units.map((u, k) => [`u${k}`, u.months[i] ?? 0]),
  ]) as Record<string, string | number>);
  return (
    <ChartCard
      title={t('ledgerUi.charts.unitMonthsTitle', { year: charts.year })}
      note={t('ledgerUi.charts.unitMonthsNote')}
      table={(
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('ledgerUi.charts.unitMonthsTitle', { year: charts.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledgerUi.columns.unit')}</th>
                {data.map((d) => <th key={String(d.month)} scope="col" className="num">{d.month}</th>)}
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.unitId ?? '-'}>
                  <th scope="row">{u.unit}</th>
                  {u.months.map((m, i) => <td key={i} className="num">{m > 0 ? figure(m, lang) : '—'}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      {units.length === 0 ? <p className="list-empty">{t('ledgerUi.charts.noJp', { year: charts.year })}</p> : (
        <div className="ledger-chart-box">
          <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 12 }} />
              <YAxis width={40} tick={{ fontSize: 12 }} allowDecimals={false} label={{ value: 'JP', angle: -90, position: 'insideLeft', fontSize: 12 }} />
              <Tooltip formatter={(v) => `${figure(Number(v), lang)} JP`} />
              <Legend {...LEGEND} />
              {units.map((u, k) => (
                <Bar key={u.unitId ?? '-'} dataKey={`u${k}`} name={u.unit} stackId="jp" fill={PALETTE[k % PALETTE.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}

function Distribution({ charts }: { charts: LedgerCharts }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const data = charts.distribution.map((b) => ({ band: bandLabel(b, lang), people: b.people, reached: b.from >= charts.target }));
  // The line stands where the target begins: at the left edge of the first band that reaches it.
  const targetBand = data.find((d) => d.reached)?.band;
  const people = charts.distribution.reduce((sum, b) => sum + b.people, 0);
  const reached = charts.distribution.filter((b) => b.from >= charts.target).reduce((sum, b) => sum + b.people, 0);
  return (
    <ChartCard
      title={t('ledgerUi.charts.distributionTitle', { year: charts.year })}
      note={t('ledgerUi.charts.distributionNote', { reached, people, target: figure(charts.target, lang) })}
      table={(
        <div className="table-wrap">
          <table className="table table-compact ledger-narrow-table">
            <caption className="visually-hidden">{t('ledgerUi.charts.distributionTitle', { year: charts.year })}</caption>
            <thead>
              <tr><th scope="col">{t('ledgerUi.charts.band')}</th><th scope="col" className="num">{t('ledgerUi.charts.people')}</th></tr>
            </thead>
            <tbody>
              {data.map((d) => <tr key={d.band}><th scope="row">{d.band} JP</th><td className="num">{d.people}</td></tr>)}
            </tbody>
          </table>
        </div>
      )}
    >
      <div className="ledger-chart-box">
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={data} margin={{ top: 24, right: 8, bottom: 16, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="band" tick={{ fontSize: 12 }} label={{ value: t('ledgerUi.charts.bandAxis'), position: 'insideBottom', offset: -8, fontSize: 12 }} />
            <YAxis width={40} tick={{ fontSize: 12 }} allowDecimals={false} label={{ value: t('ledgerUi.charts.people'), angle: -90, position: 'insideLeft', fontSize: 12 }} />
            <Tooltip formatter={(v) => [String(v), t('ledgerUi.charts.people')]} labelFormatter={(l) => `${String(l)} JP`} />
            {targetBand && (
              <ReferenceLine
                x={targetBand}
                position="start"
                stroke="#b3261e"
                strokeDasharray="6 3"
                strokeWidth={2}
                label={{ value: t('ledgerUi.charts.targetLine', { target: figure(charts.target, lang) }), position: 'top', fill: '#b3261e', fontSize: 12 }}
              />
            )}
            <Bar dataKey="people" name={t('ledgerUi.charts.people')} isAnimationActive={false}>
              {data.map((d) => <Cell key={d.band} fill={d.reached ? REACHED : BELOW} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}

function Funding({ charts }: { charts: LedgerCharts }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const data = charts.funding.map((f) => ({ ...f, name: t(`trainingTerms.funding.${f.funding}`) }));
  const money = (n: number) => shortRupiah(n, t);
  return (
    <ChartCard
      title={t('ledgerUi.charts.fundingTitle', { year: charts.year })}
      note={t('ledgerUi.charts.fundingNote')}
      table={(
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('ledgerUi.charts.fundingTitle', { year: charts.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledgerUi.charts.funding')}</th>
                <th scope="col" className="num">{t('ledgerUi.charts.items')}</th>
                <th scope="col" className="num">{t('ledgerUi.charts.plannedJp')}</th>
                <th scope="col" className="num">{t('ledgerUi.charts.realisedJp')}</th>
                <th scope="col" className="num">{t('ledgerUi.charts.budget')}</th>
                <th scope="col" className="num">{t('ledgerUi.charts.spent')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((f) => (
                <tr key={f.funding}>
                  <th scope="row">{f.name}</th>
                  <td className="num">{t('ledgerUi.charts.itemsOf', { realised: f.realisedItems, planned: f.plannedItems })}</td>
                  <td className="num">{figure(f.plannedJp, lang)}</td>
                  <td className="num">{figure(f.realisedJp, lang)}</td>
                  <td className="num nowrap">{rupiah(f.budget)}</td>
                  <td className="num nowrap">{rupiah(f.spent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    >
      {data.length === 0 ? <p className="list-empty">{t('ledgerUi.charts.noProgramme', { year: charts.year })}</p> : (
        <div className="grid-2 ledger-chart-pair">
          <div className="ledger-chart-box">
            <h3 className="subsection-title">{t('ledgerUi.charts.jpPair')}</h3>
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
                <YAxis width={40} tick={{ fontSize: 12 }} allowDecimals={false} />
                <Tooltip formatter={(v) => `${figure(Number(v), lang)} JP`} />
                <Legend {...LEGEND} />
                <Bar dataKey="plannedJp" name={t('ledgerUi.charts.plannedJp')} fill={PLANNED} isAnimationActive={false} />
                <Bar dataKey="realisedJp" name={t('ledgerUi.charts.realisedJp')} fill={REALISED} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="ledger-chart-box">
            <h3 className="subsection-title">{t('ledgerUi.charts.moneyPair')}</h3>
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
                <YAxis width={64} tick={{ fontSize: 12 }} tickFormatter={(v: number) => money(v)} />
                <Tooltip formatter={(v) => rupiah(Number(v))} />
                <Legend {...LEGEND} />
                <Bar dataKey="budget" name={t('ledgerUi.charts.budget')} fill={PLANNED} isAnimationActive={false} />
                <Bar dataKey="spent" name={t('ledgerUi.charts.spent')} fill={REALISED} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
      )}
    </ChartCard>
  );
}
