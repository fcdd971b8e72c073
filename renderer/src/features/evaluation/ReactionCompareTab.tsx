import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LIKERT_ASPECTS } from '../../../../shared/contract/evaluation.ts';
import { formatDate } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { ListCard } from '../../components/list.tsx';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { PlainSelect } from '../trainings/ui.tsx';
import { aspectWord, isWeak } from './format.ts';
import { IndexBar } from './IndexBar.tsx';

const SORTS = ['best', 'worst', 'name', 'answers'] as const;
type Sort = (typeof SORTS)[number];

/**
 * Evaluasi → Reaksi peserta: a year's events side by side by the 0–100 index of each aspect,
 * and the speakers across them, comparable whatever scale each questionnaire used.
 */
export function ReactionCompareTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const compare = useLoader(() => api['reaction.compare']({ year }), [year]);
  const [sort, setSort] = useState<Sort>('best');

  return (
    <LoadState loader={compare}>
      {(c) => {
        const speakers = [...c.speakers].sort((a, b) => {
          if (sort === 'name') return a.speaker.localeCompare(b.speaker, 'id');
          if (sort === 'answers') return b.n - a.n;
          const x = a.index ?? -1;
          const y = b.index ?? -1;
          return sort === 'best' ? y - x : x - y;
        });
        return (
          <div className="stack">
            <ListCard title={t('evaluationUi.compare.eventsTitle', { year })} intro={t('evaluationUi.compare.intro')} message={null}>
              <DataTable
                rows={c.events}
                caption={t('evaluationUi.compare.eventsCaption', { year })}
                className="table-compact reaction-compare"
                rowKey={(e) => e.eventId}
                empty={t('evaluationUi.compare.eventsEmpty', { year })}
                columns={[
                  {
                    key: 'event',
                    header: t('evaluationUi.followup.event'),
                    rowHeader: true,
                    cell: (e) => <><Link href={`/kegiatan/${e.eventId}/evaluasi`}>{e.name}</Link><span className="cell-sub">{[e.date ? formatDate(e.date, lang) : null, t('evaluationUi.compare.forms', { count: e.responses, n: e.responses })].filter(Boolean).join(' · ')}</span></>,
                  },
                  ...LIKERT_ASPECTS.map((aspect) => ({
                    key: aspect,
                    header: aspectWord(t, aspect),
                    cell: (e: (typeof c.events)[number]) => (e.aspects[aspect] ? <IndexBar stat={e.aspects[aspect]} /> : '—'),
                  })),
                  { key: 'overall', header: t('evaluationUi.compare.overall'), className: 'cell-strong', cell: (e) => <IndexBar stat={e.overall} /> },
                ]}
              />
            </ListCard>
            <ListCard
              title={t('evaluationUi.compare.speakersTitle', { year })}
              actions={(
                <PlainSelect label={t('evaluationUi.compare.sort')} value={sort} onChange={(v) => setSort(v as Sort)} className="field-sort">
                  {SORTS.map((s) => <option key={s} value={s}>{t(`evaluationUi.compare.sorts.${s}`)}</option>)}
                </PlainSelect>
              )}
              message={null}
            >
              <DataTable
                rows={speakers}
                caption={t('evaluationUi.compare.speakersCaption', { year })}
                className="table-compact"
                rowKey={(s) => s.speaker}
                rowClassName={(s) => (isWeak(s) ? 'row-weak' : undefined)}
                empty={t('evaluationUi.compare.speakersEmpty')}
                columns={[
                  { key: 'rank', header: t('evaluationUi.no'), num: true, cell: (_, i) => i + 1 },
                  { key: 'speaker', header: t('evaluationUi.summary.speaker'), rowHeader: true, cell: (s) => s.speaker },
                  { key: 'index', header: t('evaluationUi.summary.index'), cell: (s) => <IndexBar stat={s} /> },
                  { key: 'events', header: t('evaluationUi.compare.events'), num: true, cell: (s) => s.events },
                  { key: 'n', header: t('evaluationUi.summary.answers'), num: true, cell: (s) => s.n },
                ]}
              />
            </ListCard>
          </div>
        );
      }}
    </LoadState>
  );
}
