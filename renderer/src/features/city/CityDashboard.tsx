import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CityOfficeSummary } from '../../../../shared/contract/city.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { BackupStatusNote } from '../backup/BackupStatusNote.tsx';
import { figure } from '../trainings/format.ts';
import { Figures, useRememberedYear, YearSelect } from '../trainings/ui.tsx';
import { areaPath, daysAgo, LATE_AFTER_DAYS, seqList, shortOfficeName } from './format.ts';

const late = (o: CityOfficeSummary) => o.daysSinceLast === null || o.daysSinceLast > LATE_AFTER_DAYS;

/**
 * Beranda of a city office: per kecamatan, when it last sent (late ones marked), what is missing
 * or held, its employees and how many reached 20 JP, trainings held and certificates issued in
 * the year; the city's totals.
 */
export function CityDashboard() {
  const { t } = useTranslation();
  const { user, office } = useSession();
  const lang = currentLanguage();
  const [year, setYear] = useRememberedYear('city');
  const board = useLoader(() => api['city.dashboard']({ year }), [year]);
  const backup = useLoader(() => api['backup.status']({}), []);
  const n = (x: number) => figure(x, lang);

  return (
    <Page
      title={t('home.welcome', { name: user.fullName })}
      intro={office.name}
      actions={<YearSelect label={t('cityUi.year')} year={year} onChange={setYear} />}
    >
      {backup.data && <BackupStatusNote status={backup.data} link />}
      <LoadState loader={board}>
        {(b) => {
          const sum = (f: (o: CityOfficeSummary) => number) => b.offices.reduce((a, o) => a + f(o), 0);
          const sending = b.offices.filter((o) => o.lastSeq !== null).length;
          const lateOnes = b.offices.filter(late).length;
          return (
            <>
              <Figures
                label={t('cityUi.home.figuresLabel', { year: b.year })}
                className="city-figures"
                items={[
                  { key: 'sending', term: t('cityUi.home.sending'), value: t('cityUi.home.ofTotal', { n: n(sending), total: n(b.offices.length) }) },
                  { key: 'late', term: t('cityUi.home.late', { days: LATE_AFTER_DAYS }), value: n(lateOnes), tone: lateOnes > 0 ? 'warn' : 'ok' },
                  { key: 'employees', term: t('cityUi.home.employees'), value: n(sum((o) => o.employees)) },
                  { key: 'reached', term: t('cityUi.home.reached', { target: n(b.target) }), value: n(sum((o) => o.reached)), tone: 'ok' },
                  { key: 'behind', term: t('cityUi.home.behind', { target: n(b.target) }), value: n(sum((o) => o.behind)), tone: sum((o) => o.behind) > 0 ? 'late' : undefined },
                ]}
              />
              {sending === 0 && (
                <p className="alert alert-info">
                  {t('cityUi.home.nothingYet')}{' '}
                  <Link href={areaPath('kecamatan')}>{t('areas.kecamatan.title')}</Link>{' · '}
                  <Link href={areaPath('batchImport')}>{t('areas.batchImport.title')}</Link>
                </p>
              )}
              <section className="card" aria-labelledby="city-offices-title">
                <h2 id="city-offices-title">{t('cityUi.home.tableTitle', { year: b.year })}</h2>
                <DataTable
                  rows={b.offices}
                  caption={t('cityUi.home.tableTitle', { year: b.year })}
                  className="table-compact city-board"
                  rowKey={(o) => o.regionCode}
                  columns={[
                    { key: 'name', header: t('cityUi.kecamatan.name'), rowHeader: true, cell: (o) => <>{shortOfficeName(o.name)}<span className="cell-sub mono">{o.regionCode}</span></> },
                    {
                      key: 'last', header: t('cityUi.home.lastSent'),
                      cell: (o) => (
                        <>
                          <span className={late(o) ? 'city-late' : undefined}>{daysAgo(t, o.daysSinceLast)}</span>
                          {o.lastSeq !== null && <span className="cell-sub">{t('cityUi.kecamatan.batchNo', { seq: o.lastSeq })}</span>}
                        </>
                      ),
                    },
                    {
                      key: 'missing', header: t('cityUi.kecamatan.held'),
                      cell: (o) => (!o.missing && o.held.length === 0 ? <span className="muted">—</span> : (
                        <>
                          {o.missing && <span className="kecamatan-missing">{t('cityUi.kecamatan.missing', { missing: o.missing })}</span>}
                          {o.held.length > 0 && <span className="cell-sub">{t('cityUi.kecamatan.heldSeqs', { count: o.held.length, seqs: seqList(o.held) })}</span>}
                        </>
                      )),
                    },
                    { key: 'employees', header: t('cityUi.home.employees'), num: true, cell: (o) => n(o.employees) },
                    { key: 'reached', header: t('cityUi.home.reachedShort'), num: true, cell: (o) => n(o.reached) },
                    { key: 'behind', header: t('cityUi.home.behindShort'), num: true, cell: (o) => n(o.behind) },
                    { key: 'trainings', header: t('cityUi.home.trainings'), num: true, cell: (o) => n(o.trainings) },
                    { key: 'certificates', header: t('cityUi.home.certificates'), num: true, cell: (o) => n(o.certificates) },
                  ]}
                  foot={(
                    <tr>
                      <th scope="row">{t('cityUi.home.city')}</th>
                      <td>{t('cityUi.home.sendingOf', { n: n(sending), total: n(b.offices.length) })}</td>
                      <td />
                      <td className="num">{n(sum((o) => o.employees))}</td>
                      <td className="num">{n(sum((o) => o.reached))}</td>
                      <td className="num">{n(sum((o) => o.behind))}</td>
                      <td className="num">{n(sum((o) => o.trainings))}</td>
                      <td className="num">{n(sum((o) => o.certificates))}</td>
                    </tr>
                  )}
                />
              </section>
            </>
          );
        }}
      </LoadState>
    </Page>
  );
}
