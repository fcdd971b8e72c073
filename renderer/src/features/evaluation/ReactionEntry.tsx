import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventQuestionnaire } from '../../../../shared/contract/evaluation.ts';
import type { Enrolment } from '../../../../shared/contract/events.ts';
import { issueText } from '../../../../shared/i18n/index.ts';
import { api } from '../../api.ts';
import { toApiError } from '../../components/errors.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { useRun } from '../trainings/ui.tsx';
import { aspectWord } from './format.ts';
import { slotGroups, slotsOfIssue, type Slot } from './likert.ts';

type Problem = { slot: Slot; text: string };

/**
 * Paper reaction forms typed in one after another, from the keyboard: a digit answers the item
 * in focus and moves to the next, ↑/↓ move between items, Delete empties one, Enter saves the
 * form and starts the next. Open questions are text boxes (Shift+Enter for a new line).
 */
export function ReactionEntry({ eventId, questionnaire, participants, nextNumber, onSaved }: {
  eventId: string;
  questionnaire: EventQuestionnaire;
  /** The participants who have not answered yet, to name the respondent when the form is not anonymous. */
  participants: Enrolment[];
  nextNumber: number;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const headId = useId();
  const q = questionnaire;
  const groups = useMemo(() => slotGroups(q), [q]);
  const slots = useMemo(() => groups.flatMap((g) => g.slots), [groups]);
  const [values, setValues] = useState<Record<string, number>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [respondent, setRespondent] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [note, setNote] = useState<{ key: string; text: string } | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [empty, setEmpty] = useState(false);
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const texts = useRef<(HTMLTextAreaElement | null)[]>([]);
  const saveButton = useRef<HTMLButtonElement | null>(null);
  const { busy, error, run, clear } = useRun();
  // Where the cursor goes once the screen shows the new state (an emptied form, marked items).
  const [focusTo, setFocusTo] = useState<number | null>(null);

  const focusRow = (index: number) => {
    if (index >= slots.length) {
      (texts.current[0] ?? saveButton.current)?.focus();
      return;
    }
    const row = rows.current[Math.max(0, index)];
    (row?.querySelector<HTMLInputElement>('input:checked') ?? row?.querySelector<HTMLInputElement>('input'))?.focus();
  };

  useEffect(() => {
    if (focusTo === null) return;
    focusRow(focusTo);
    setFocusTo(null);
  });

  const answer = (slot: Slot, score: number | null) => {
    setSaved(null);
    setNote(null);
    setProblems((list) => list.filter((p) => p.slot.key !== slot.key));
    setValues((v) => {
      const next = { ...v };
      if (score === null) delete next[slot.key];
      else next[slot.key] = score;
      return next;
    });
  };

  const onRowKey = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const slot = slots[index]!;
    if (/^\d$/.test(e.key)) {
      e.preventDefault();
      const n = Number(e.key);
      if (n < 1 || n > q.scale) {
        setNote({ key: slot.key, text: t('evaluationUi.entry.outOfScale', { key: e.key, scale: q.scale }) });
        return;
      }
      answer(slot, n);
      focusRow(index + 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusRow(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index - 1);
    } else if (e.key === 'Delete' || e.key === 'Backspace' || e.key === '-') {
      e.preventDefault();
      answer(slot, null);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    }
  };

  const onTextKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      void save();
    }
  };

  const save = async () => {
    clear();
    setSaved(null);
    setNote(null);
    const answers = slots.filter((s) => values[s.key] !== undefined).map((s) => ({ item: s.item.id, speaker: s.speaker, score: values[s.key]! }));
    const filledComments = Object.fromEntries(Object.entries(comments).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
    if (!answers.length && !Object.keys(filledComments).length) {
      setEmpty(true);
      focusRow(0);
      return;
    }
    setEmpty(false);
    setProblems([]);
    let refused: unknown = null;
    const response = await run('save', async () => {
      try {
        return await api['reaction.add']({
          eventId,
          answers,
          comments: filledComments,
          enrolmentId: !q.anonymous && respondent ? respondent : null,
          source: 'paper',
        });
      } catch (err) {
        refused = err;
        throw err;
      }
    });
    if (response) {
      setSaved(response.number);
      setValues({});
      setComments({});
      setRespondent('');
      onSaved();
      setFocusTo(0);
      return;
    }
    // A refusal about items: the items are named and marked, the cursor goes to the first.
    const e = toApiError(refused);
    const issues = e.code === 'VALIDATION' ? (e.details?.issues ?? []) : [];
    const named = issues.flatMap((issue) => slotsOfIssue(issue, answers, slots).map((slot) => ({ slot, text: issueText(t, issue) })));
    if (named.length) {
      named.sort((a, b) => a.slot.no - b.slot.no);
      setProblems(named);
      clear();
      setFocusTo(slots.indexOf(named[0]!.slot));
    }
  };

  const problemOf = (key: string) => problems.find((p) => p.slot.key === key);
  const answered = slots.filter((s) => values[s.key] !== undefined).length;

  return (
    <section className="card reaction-entry" aria-labelledby={headId}>
      <div className="card-head">
        <h2 id={headId}>{t('evaluationUi.entry.title', { n: nextNumber })}</h2>
        <span className="muted">{t('evaluationUi.entry.answered', { n: answered, total: slots.length })}</span>
      </div>
      <p className="list-keys muted">
        <span className="key-hint"><kbd>1</kbd>–<kbd>{q.scale}</kbd> {t('evaluationUi.entry.keyDigit')}</span>
        <span className="key-hint"><kbd>↑</kbd><kbd>↓</kbd> {t('evaluationUi.entry.keyMove')}</span>
        <span className="key-hint"><kbd>Del</kbd> {t('evaluationUi.entry.keyClear')}</span>
        <span className="key-hint"><kbd>Enter</kbd> {t('evaluationUi.entry.keySave')}</span>
      </p>
      {saved !== null && <Notice>{t('evaluationUi.entry.saved', { n: saved })}</Notice>}
      {!q.anonymous && (
        <div className="field reaction-respondent">
          <label htmlFor={`${headId}-who`}>{t('evaluationUi.entry.respondent')}</label>
          <select id={`${headId}-who`} value={respondent} onChange={(e) => setRespondent(e.target.value)}>
            <option value="">{t('evaluationUi.entry.respondentNone')}</option>
            {participants.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
      )}
      <div className={`likert likert-scale-${q.scale}`} role="group" aria-label={t('evaluationUi.entry.itemsLabel')}>
        {groups.map((g) => (
          <div key={g.key} className="likert-group">
            <div className="likert-head" aria-hidden="true">
              <span className="likert-group-title">
                {aspectWord(t, g.aspect)}{g.speaker ? `: ${g.speaker}` : ''}
              </span>
              {Array.from({ length: q.scale }, (_, k) => (
                <span key={k} className="likert-scale-label">{k + 1}<small>{t(`evaluationUi.scale.s${q.scale}.${k + 1}`)}</small></span>
              ))}
            </div>
            {g.slots.map((slot) => {
              const index = slot.no - 1;
              const problem = problemOf(slot.key);
              const rowNote = note?.key === slot.key ? note.text : null;
              const textId = `${headId}-t${slot.no}`;
              const noteId = `${headId}-n${slot.no}`;
              return (
                <div
                  key={slot.key}
                  ref={(el) => { rows.current[index] = el; }}
                  className={`likert-row${problem ? ' likert-invalid' : ''}${values[slot.key] !== undefined ? ' likert-set' : ''}`}
                  role="radiogroup"
                  aria-labelledby={textId}
                  aria-describedby={problem || rowNote ? noteId : undefined}
                  aria-invalid={problem ? true : undefined}
                  onKeyDown={(e) => onRowKey(e, index)}
                >
                  <span className="likert-text" id={textId}>
                    <span className="likert-no">{slot.no}.</span> {slot.item.text}
                    {slot.speaker && <span className="visually-hidden"> — {slot.speaker}</span>}
                  </span>
                  {Array.from({ length: q.scale }, (_, k) => (
                    <label key={k} className="likert-choice">
                      <input
                        type="radio"
                        name={`${headId}-${slot.key}`}
                        value={k + 1}
                        checked={values[slot.key] === k + 1}
                        onChange={() => answer(slot, k + 1)}
                        aria-label={`${k + 1} ${t(`evaluationUi.scale.s${q.scale}.${k + 1}`)}`}
                      />
                      <span aria-hidden="true">{k + 1}</span>
                    </label>
                  ))}
                  {(problem || rowNote) && <p className="likert-note field-error" id={noteId}>{problem?.text ?? rowNote}</p>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {q.openQuestions.length > 0 && (
        <div className="reaction-open grid-2">
          {q.openQuestions.map((oq, i) => (
            <div key={oq.id} className="field">
              <label htmlFor={`${headId}-q${i}`}>{oq.text}</label>
              <textarea
                id={`${headId}-q${i}`}
                ref={(el) => { texts.current[i] = el; }}
                rows={2}
                maxLength={2000}
                value={comments[oq.id] ?? ''}
                onChange={(e) => { setSaved(null); setComments((c) => ({ ...c, [oq.id]: e.target.value })); }}
                onKeyDown={onTextKey}
              />
            </div>
          ))}
        </div>
      )}
      {problems.length > 0 && (
        <div role="alert" className="alert alert-error">
          <p>{t('evaluationUi.entry.refused')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.slot.key}>
                {t('evaluationUi.entry.problem', { no: p.slot.no, item: p.slot.speaker ? `${p.slot.item.text} (${p.slot.speaker})` : p.slot.item.text, problem: p.text })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {empty && <div role="alert" className="alert alert-error"><p>{t('evaluationUi.entry.empty')}</p></div>}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button ref={saveButton} type="button" className="btn btn-primary" onClick={() => void save()} aria-busy={busy !== null || undefined}>
          {busy ? t('common.saving') : t('evaluationUi.entry.save')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => { setValues({}); setComments({}); setProblems([]); setNote(null); setEmpty(false); clear(); setFocusTo(0); }}
        >
          {t('evaluationUi.entry.clear')}
        </button>
      </div>
    </section>
  );
}
