import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventScores } from '../../../../shared/contract/evaluation.ts';
import type { Event } from '../../../../shared/contract/events.ts';
import { issueText } from '../../../../shared/i18n/index.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { toApiError } from '../../components/errors.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { Figures, useRun } from '../trainings/ui.tsx';
import { parseScore, scoreInput, scoreText } from './format.ts';
import { ScoresImport } from './ScoresImport.tsx';

type Column = 'preTest' | 'postTest';
type Draft = Record<Column, string>;
/** A refused row; `column` is null when the row itself is wrong (no longer a participant). */
type RowProblem = { enrolmentId: string; column: Column | null; text: string };

/** Level 2 of an event: pre-test and post-test per participant, the gain and the minimum. */
export function ScoresPart({ event }: { event: Event }) {
  const scores = useLoader(() => api['scores.list']({ eventId: event.id }), [event.id]);
  return (
    <LoadState loader={scores}>
      {(data) => <ScoresSheet eventId={event.id} data={data} onData={scores.setData} />}
    </LoadState>
  );
}

function draftsOf(data: EventScores, lang: ReturnType<typeof currentLanguage>): Record<string, Draft> {
  return Object.fromEntries(data.rows.map((r) => [r.enrolmentId, { preTest: scoreInput(r.preTest, lang), postTest: scoreInput(r.postTest, lang) }]));
}

/**
 * The score sheet typed in column by column, as the papers come: Enter and Tab go down the
 * column (Tab from the last pre-test to the first post-test), comma decimals are fine, and
 * "Simpan semua" saves every change at once or nothing, naming the row that is wrong.
 */
function ScoresSheet({ eventId, data, onData }: { eventId: string; data: EventScores; onData(d: EventScores): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const headId = useId();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => draftsOf(data, lang));
  const [problem, setProblem] = useState<RowProblem | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<{ updated: number; unchanged: number } | null>(null);
  const inputs = useRef<Record<Column, (HTMLInputElement | null)[]>>({ preTest: [], postTest: [] });
  const saveButton = useRef<HTMLButtonElement | null>(null);
  const { busy, error, run, clear } = useRun();
  const rows = data.rows;

  useEffect(() => {
    setDrafts(draftsOf(data, lang));
  }, [data, lang]);

  const set = (enrolmentId: string, column: Column, value: string) => {
    setSaved(null);
    setImported(null);
    if (problem?.enrolmentId === enrolmentId && problem.column === column) setProblem(null);
    setDrafts((d) => ({ ...d, [enrolmentId]: { ...d[enrolmentId]!, [column]: value } }));
  };

  const focus = (column: Column, index: number) => inputs.current[column][index]?.focus();

  const onKey = (e: KeyboardEvent<HTMLInputElement>, column: Column, index: number) => {
    const last = rows.length - 1;
    if (e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey) || e.key === 'ArrowDown') {
      if (index < last) {
        e.preventDefault();
        focus(column, index + 1);
      } else if (column === 'preTest' && e.key !== 'ArrowDown') {
        e.preventDefault();
        focus('postTest', 0);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        saveButton.current?.focus();
      }
    } else if ((e.key === 'Tab' && e.shiftKey) || e.key === 'ArrowUp') {
      if (index > 0) {
        e.preventDefault();
        focus(column, index - 1);
      } else if (column === 'postTest' && e.key === 'Tab') {
        e.preventDefault();
        focus('preTest', last);
      }
    }
  };

  const changes = rows.flatMap((r) => {
    const d = drafts[r.enrolmentId];
    if (!d) return [];
    const preTest = parseScore(d.preTest);
    const postTest = parseScore(d.postTest);
    return preTest === r.preTest && postTest === r.postTest ? [] : [{ enrolmentId: r.enrolmentId, preTest, postTest }];
  });

  const rowName = (enrolmentId: string) => {
    const i = rows.findIndex((r) => r.enrolmentId === enrolmentId);
    return { row: i + 1, name: rows[i]?.name ?? '' };
  };

  const save = async () => {
    clear();
    setSaved(null);
    setProblem(null);
    // Words where a number belongs are caught here: they would travel as nothing at all.
    for (const c of changes) {
      for (const column of ['preTest', 'postTest'] as const) {
        if (Number.isNaN(c[column])) {
          setProblem({ enrolmentId: c.enrolmentId, column, text: t('evaluationUi.scores.notANumber') });
          focus(column, rowName(c.enrolmentId).row - 1);
          return;
        }
      }
    }
    if (!changes.length) {
      setSaved(0);
      return;
    }
    let refused: unknown = null;
    const result = await run('save', async () => {
      try {
        return await api['scores.setMany']({ eventId, scores: changes });
      } catch (err) {
        refused = err;
        throw err;
      }
    });
    if (result) {
      setSaved(changes.length);
      onData(result);
      return;
    }
    const e = toApiError(refused);
    const issue = e.code === 'VALIDATION' ? e.details?.issues?.[0] : undefined;
    const [head, at, field] = issue?.path ?? [];
    const change = head === 'scores' && typeof at === 'number' ? changes[at] : undefined;
    const byParam = typeof issue?.params?.enrolmentId === 'string' ? issue.params.enrolmentId : undefined;
    const enrolmentId = change?.enrolmentId ?? byParam;
    if (issue && enrolmentId) {
      const column: Column | null = field === 'preTest' || field === 'postTest' ? field : null;
      clear();
      setProblem({ enrolmentId, column, text: issueText(t, issue) });
      focus(column ?? 'preTest', rowName(enrolmentId).row - 1);
    }
  };

  const stats = data.stats;
  const problemRow = problem ? rowName(problem.enrolmentId) : null;
  const liveGain = (d: Draft | undefined) => {
    if (!d) return null;
    const pre = parseScore(d.preTest);
    const post = parseScore(d.postTest);
    return pre === null || post === null || Number.isNaN(pre) || Number.isNaN(post) ? null : Math.round((post - pre) * 100) / 100;
  };

  return (
    <section className="card" aria-labelledby={headId}>
      <div className="card-head">
        <h2 id={headId}>{t('evaluationUi.scores.title')}</h2>
        <div className="row-actions">
          <button type="button" className="btn" onClick={() => setImporting(true)}>{t('evaluationUi.scores.import')}</button>
        </div>
      </div>
      <p className="form-note">
        {data.minPostTest !== null
          ? t('evaluationUi.scores.minimum', { score: scoreText(data.minPostTest, lang) })
          : t('evaluationUi.scores.noMinimum')}
      </p>
      <Figures
        label={t('evaluationUi.scores.figures')}
        items={[
          { key: 'scored', term: t('evaluationUi.scores.scored'), value: `${stats.scored} / ${rows.length}` },
          { key: 'pre', term: t('evaluationUi.scores.meanPre'), value: scoreText(stats.meanPre, lang) },
          { key: 'post', term: t('evaluationUi.scores.meanPost'), value: scoreText(stats.meanPost, lang) },
          { key: 'gain', term: t('evaluationUi.scores.meanGain'), value: scoreText(stats.meanGain, lang, true), tone: stats.meanGain !== null && stats.meanGain > 0 ? 'ok' : undefined },
          ...(data.minPostTest !== null ? [{ key: 'below', term: t('evaluationUi.scores.belowMinimum'), value: stats.belowMinimum, tone: stats.belowMinimum ? 'warn' : 'ok' }] : []),
        ]}
      />
      {imported && <Notice>{t('evaluationUi.scores.imported', imported)}</Notice>}
      {rows.length === 0 ? <p className="list-empty">{t('evaluationUi.scores.empty')}</p> : (
        <>
          <p className="list-keys muted">
            <span className="key-hint"><kbd>Enter</kbd> / <kbd>Tab</kbd> {t('evaluationUi.scores.keyDown')}</span>
            <span className="key-hint">{t('evaluationUi.scores.keyComma')}</span>
          </p>
          <div className="table-wrap">
            <table className="table table-compact scores-table">
              <caption className="visually-hidden">{t('evaluationUi.scores.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t('evaluationUi.no')}</th>
                  <th scope="col">{t('evaluationUi.participant')}</th>
                  <th scope="col" className="num">{t('evaluationUi.scores.pre')}</th>
                  <th scope="col" className="num">{t('evaluationUi.scores.post')}</th>
                  <th scope="col" className="num">{t('evaluationUi.scores.gain')}</th>
                  <th scope="col">{t('evaluationUi.scores.result')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const d = drafts[r.enrolmentId];
                  const wrong = problem?.enrolmentId === r.enrolmentId ? problem : null;
                  const gain = liveGain(d);
                  const box = (column: Column, label: string) => (
                    <input
                      ref={(el) => { inputs.current[column][i] = el; }}
                      className={`score-input${wrong?.column === column ? ' input-invalid' : ''}`}
                      inputMode="decimal"
                      autoComplete="off"
                      maxLength={8}
                      aria-label={label}
                      aria-invalid={wrong?.column === column ? true : undefined}
                      value={d?.[column] ?? ''}
                      onChange={(e) => set(r.enrolmentId, column, e.target.value)}
                      onKeyDown={(e) => onKey(e, column, i)}
                      onFocus={(e) => e.target.select()}
                    />
                  );
                  return (
                    <tr key={r.enrolmentId} className={wrong ? 'row-problem' : undefined}>
                      <td className="num">{i + 1}</td>
                      <th scope="row">
                        {r.name}
                        <span className="cell-sub">{[r.nip ? formatNip(r.nip) : null, r.unit].filter(Boolean).join(' · ') || '—'}</span>
                      </th>
                      <td className="num">{box('preTest', t('evaluationUi.scores.preOf', { name: r.name }))}</td>
                      <td className="num">{box('postTest', t('evaluationUi.scores.postOf', { name: r.name }))}</td>
                      <td className={`num${gain !== null && gain < 0 ? ' gain-down' : ''}`}>{scoreText(gain, lang, true)}</td>
                      <td>
                        {r.meetsMinimum === true && <span className="badge badge-ok">{t('evaluationUi.scores.meets')}</span>}
                        {r.meetsMinimum === false && <span className="badge badge-warn">{t('evaluationUi.scores.below')}</span>}
                        {wrong && <span className="field-error cell-sub">{wrong.text}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {problem && problemRow && (
            <div role="alert" className="alert alert-error">
              <p>{t('evaluationUi.scores.rowProblem', { row: problemRow.row, name: problemRow.name, column: problem.column ? t(`evaluationUi.scores.${problem.column === 'preTest' ? 'pre' : 'post'}`) : t('evaluationUi.participant'), problem: problem.text })}</p>
            </div>
          )}
          {saved !== null && <Notice>{saved ? t('evaluationUi.scores.saved', { count: saved, n: saved }) : t('evaluationUi.scores.nothing')}</Notice>}
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <button ref={saveButton} type="button" className="btn btn-primary" onClick={() => void save()} aria-busy={busy !== null || undefined}>
              {busy ? t('common.saving') : t('evaluationUi.scores.saveAll', { n: changes.length })}
            </button>
          </div>
        </>
      )}
      {importing && (
        <ScoresImport
          eventId={eventId}
          onClose={() => setImporting(false)}
          onDone={(result, fresh) => {
            setImporting(false);
            setImported(result);
            onData(fresh);
          }}
        />
      )}
    </section>
  );
}
