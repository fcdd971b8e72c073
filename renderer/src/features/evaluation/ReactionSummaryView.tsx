import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactionSummary } from '../../../../shared/contract/evaluation.ts';
import { DataTable, RowButton } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { Figures } from '../trainings/ui.tsx';
import { aspectWord, indexText, isWeak, meanText } from './format.ts';
import { IndexBar } from './IndexBar.tsx';
import type { Finding } from './NeedFromFinding.tsx';

/**
 * What the participants said of an event: per aspect, per speaker and per item the mean on the
 * scale and its 0–100 index, the spread of answers, and the open comments. A weak aspect or a
 * comment can become a need.
 */
export function ReactionSummaryView({ summary: s, onNeed }: { summary: ReactionSummary; onNeed(finding: Finding): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const headId = useId();
  const finding = (topic: string, notes: string): Finding => ({ kind: 'reaction', eventId: s.eventId, topic, notes });

  return (
    <section className="card reaction-summary" aria-labelledby={headId}>
      <h2 id={headId}>{t('evaluationUi.summary.title')}</h2>
      {s.responses === 0 ? <p className="list-empty">{t('evaluationUi.summary.empty')}</p> : (
        <>
          <Figures
            label={t('evaluationUi.summary.figures')}
            items={[
              { key: 'forms', term: t('evaluationUi.summary.forms'), value: t('evaluationUi.summary.formsOf', { n: s.responses, total: s.participants }) },
              { key: 'mean', term: t('evaluationUi.summary.overallMean', { scale: s.scale }), value: meanText(s.overall.mean, lang) },
              { key: 'index', term: t('evaluationUi.summary.overallIndex'), value: indexText(s.overall.index, lang), tone: isWeak(s.overall) ? 'warn' : 'ok' },
            ]}
          />
          <p className="form-note">{t('evaluationUi.summary.indexNote', { scale: s.scale })}</p>
          <h3 className="subsection-title">{t('evaluationUi.summary.aspectsTitle')}</h3>
          <DataTable
            rows={s.aspects}
            caption={t('evaluationUi.summary.aspectsCaption')}
            className="table-compact"
            rowKey={(a) => a.aspect}
            rowClassName={(a) => (isWeak(a) ? 'row-weak' : undefined)}
            columns={[
              { key: 'aspect', header: t('evaluationUi.summary.aspect'), rowHeader: true, cell: (a) => <>{aspectWord(t, a.aspect)}{isWeak(a) && <span className="cell-sub">{t('evaluationUi.summary.weak')}</span>}</> },
              { key: 'mean', header: t('evaluationUi.summary.mean'), num: true, cell: (a) => meanText(a.mean, lang) },
              { key: 'index', header: t('evaluationUi.summary.index'), cell: (a) => <IndexBar stat={a} /> },
              { key: 'n', header: t('evaluationUi.summary.answers'), num: true, cell: (a) => a.n },
            ]}
            actions={(a) => (
              <RowButton
                label={t('evaluationUi.summary.needFromAspect', { aspect: aspectWord(t, a.aspect) })}
                onClick={() => onNeed(finding(
                  t('evaluationUi.summary.aspectTopic', { aspect: aspectWord(t, a.aspect), event: s.name }),
                  t('evaluationUi.summary.aspectNotes', { aspect: aspectWord(t, a.aspect), event: s.name, mean: meanText(a.mean, lang), index: indexText(a.index, lang), scale: s.scale }),
                ))}
              >
                {t('evaluationUi.makeNeed')}
              </RowButton>
            )}
          />
          {s.speakers.length > 0 && (
            <>
              <h3 className="subsection-title">{t('evaluationUi.summary.speakersTitle')}</h3>
              <DataTable
                rows={s.speakers}
                caption={t('evaluationUi.summary.speakersCaption')}
                className="table-compact"
                rowKey={(x) => x.speaker}
                rowClassName={(x) => (isWeak(x) ? 'row-weak' : undefined)}
                columns={[
                  { key: 'speaker', header: t('evaluationUi.summary.speaker'), rowHeader: true, cell: (x) => x.speaker },
                  { key: 'mean', header: t('evaluationUi.summary.mean'), num: true, cell: (x) => meanText(x.mean, lang) },
                  { key: 'index', header: t('evaluationUi.summary.index'), cell: (x) => <IndexBar stat={x} /> },
                  { key: 'n', header: t('evaluationUi.summary.answers'), num: true, cell: (x) => x.n },
                ]}
              />
            </>
          )}
          <h3 className="subsection-title">{t('evaluationUi.summary.itemsTitle')}</h3>
          <DataTable
            rows={s.items}
            caption={t('evaluationUi.summary.itemsCaption')}
            className="table-compact reaction-items"
            rowKey={(i) => i.id}
            rowClassName={(i) => (isWeak(i) ? 'row-weak' : undefined)}
            columns={[
              { key: 'no', header: t('evaluationUi.no'), num: true, cell: (_, k) => k + 1 },
              { key: 'text', header: t('evaluationUi.summary.item'), rowHeader: true, cell: (i) => <>{i.text}<span className="cell-sub">{aspectWord(t, i.aspect)}</span></> },
              { key: 'mean', header: t('evaluationUi.summary.mean'), num: true, cell: (i) => meanText(i.mean, lang) },
              { key: 'index', header: t('evaluationUi.summary.index'), cell: (i) => <IndexBar stat={i} /> },
              {
                key: 'spread',
                header: t('evaluationUi.summary.spread', { scale: s.scale }),
                className: 'nowrap',
                cell: (i) => (
                  <span className="spread" aria-label={i.distribution.map((c, k) => t('evaluationUi.summary.spreadPart', { score: k + 1, n: c })).join(', ')}>
                    {i.distribution.map((c, k) => <span key={k} className={`spread-cell${c ? '' : ' spread-zero'}`} aria-hidden="true">{c}</span>)}
                  </span>
                ),
              },
            ]}
          />
          {s.comments.some((c) => c.answers.length) && (
            <>
              <h3 className="subsection-title">{t('evaluationUi.summary.commentsTitle')}</h3>
              {s.comments.filter((c) => c.answers.length).map((c) => (
                <div key={c.question} className="comment-block">
                  <h4>{c.question}</h4>
                  <ul className="comment-list">
                    {c.answers.map((text, k) => (
                      <li key={k}>
                        <span>{text}</span>
                        <RowButton label={t('evaluationUi.summary.needFromComment', { text: text.slice(0, 60) })} onClick={() => onNeed(finding(text, `${c.question}: ${text} (${s.name})`))}>
                          {t('evaluationUi.makeNeed')}
                        </RowButton>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
        </>
      )}
    </section>
  );
}
