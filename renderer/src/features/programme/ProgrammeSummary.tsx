import { useTranslation } from 'react-i18next';
import { COMPETENCY_TYPES, FUNDING_SOURCES } from '../../../../shared/domain/methods.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure, monthName, rupiah } from '../trainings/format.ts';
import { Figures } from '../trainings/ui.tsx';

type Totals = { items: number; plannedJp: number; budget: number };

/** Items, JP and budget per funding source and per competency type; plan against realisation. */
export function ProgrammeSummary({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const summary = useLoader(() => api['programme.summary']({ year }), [year]);
  return (
    <LoadState loader={summary}>
      {(s) => (
        <>
          <section className="card" aria-labelledby="summary-title">
            <h2 id="summary-title">{t('programmeUi.summary.title', { year })}</h2>
            <p className="form-note">{t('programmeUi.summary.note')}</p>
            <Figures
              label={t('programmeUi.summary.totals')}
              items={[
                { key: 'items', term: t('programmeUi.summary.items'), value: s.total.items },
                { key: 'jp', term: t('programmeUi.summary.jp'), value: figure(s.total.plannedJp, lang) },
                { key: 'budget', term: t('programmeUi.summary.budget'), value: rupiah(s.total.budget) },
              ]}
            />
            <div className="grid-2 summary-tables">
              <TotalsTable
                caption={t('programmeUi.summary.byFunding')}
                head={t('programmeUi.plan.funding')}
                rows={FUNDING_SOURCES.map((f) => ({ key: f, label: t(`trainingTerms.funding.${f}`), totals: s.byFunding[f] }))}
              />
              <TotalsTable
                caption={t('programmeUi.summary.byType')}
                head={t('programmeUi.competencyType')}
                rows={COMPETENCY_TYPES.map((c) => ({ key: c, label: t(`trainingTerms.competencyTypes.${c}`), totals: s.byCompetencyType[c] }))}
              />
            </div>
          </section>

          <section className="card" aria-labelledby="realisation-title">
            <h2 id="realisation-title">{t('programmeUi.realisation.title', { year })}</h2>
            <p className="form-note">{t('programmeUi.realisation.note')}</p>
            {s.items.length === 0 ? <p className="list-empty">{t('programmeUi.plan.empty', { year })}</p> : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{t('programmeUi.realisation.title', { year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('programmeUi.plan.item')}</th>
                      <th scope="col">{t('common.status')}</th>
                      <th scope="col">{t('programmeUi.plan.month')}</th>
                      <th scope="col" className="num">{t('programmeUi.realisation.target')}</th>
                      <th scope="col" className="num">{t('programmeUi.realisation.events')}</th>
                      <th scope="col" className="num">{t('programmeUi.realisation.enrolled')}</th>
                      <th scope="col" className="num">{t('programmeUi.realisation.completed')}</th>
                      <th scope="col" className="num">{t('programmeUi.realisation.plannedJp')}</th>
                      <th scope="col" className="num">{t('programmeUi.realisation.deliveredJp')}</th>
                      <th scope="col" className="num">{t('programmeUi.plan.budget')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.items.map((i) => (
                      <tr key={i.itemId} className={i.status === 'batal' ? 'row-inactive' : undefined}>
                        <th scope="row">{i.title}</th>
                        <td>{t(`trainingTerms.programmeStatuses.${i.status}`)}</td>
                        <td>{monthName(i.plannedMonth, lang)}</td>
                        <td className="num">{i.targetCount || '—'}</td>
                        <td className="num">{i.events}</td>
                        <td className="num">{i.enrolled}</td>
                        <td className="num">{i.completed}</td>
                        <td className="num">{figure(i.plannedJp, lang)}</td>
                        <td className={`num${i.events > 0 && i.deliveredJp < i.plannedJp ? ' cell-short' : ''}`}>{figure(i.deliveredJp, lang)}</td>
                        <td className="num nowrap">{rupiah(i.budget)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </LoadState>
  );
}

function TotalsTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; totals: Totals | undefined }[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">{t('programmeUi.summary.itemsShort')}</th>
            <th scope="col" className="num">{t('programmeUi.summary.jpShort')}</th>
            <th scope="col" className="num">{t('programmeUi.summary.budget')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, totals }) => (
            <tr key={key} className={!totals || totals.items === 0 ? 'row-zero' : undefined}>
              <th scope="row">{label}</th>
              <td className="num">{totals?.items ?? 0}</td>
              <td className="num">{figure(totals?.plannedJp ?? 0, lang)}</td>
              <td className="num nowrap">{rupiah(totals?.budget ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
