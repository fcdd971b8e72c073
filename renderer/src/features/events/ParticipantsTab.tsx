import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Enrolment, Event } from '../../../../shared/contract/events.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { Form, FormAlert, SubmitButton, TextAreaField, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';
import { golonganOptions } from '../employees/format.ts';
import { figure, numberOrNull } from '../trainings/format.ts';
import { PlainSelect, useRun } from '../trainings/ui.tsx';
import type { TabProps } from './EventPage.tsx';

type AddResult = { added: number; already: number; enrolled: number; capacity: number | null; overCapacity: boolean };

/** Peserta: who is enrolled, their test scores; add from the roster, by pasted NIPs, or a guest; withdraw. */
export function ParticipantsTab({ event, reload }: TabProps) {
  const { t } = useTranslation();
  const [showWithdrawn, setShowWithdrawn] = useState(false);
  const list = useLoader(() => api['enrolment.list']({ eventId: event.id, includeWithdrawn: showWithdrawn }), [event.id, showWithdrawn]);
  const [dialog, setDialog] = useState<'roster' | 'nips' | 'walkin' | null>(null);
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const showId = useId();

  const active = (list.data ?? []).filter((e) => e.status === 'terdaftar').length;
  const over = event.capacity !== null && active > event.capacity;

  const added = (r: AddResult) => {
    list.reload();
    reload();
    setMessage(t('eventsUi.participants.addedSummary', { added: r.added, already: r.already, enrolled: r.enrolled }));
  };

  return (
    <section className="card" aria-labelledby="participants-title">
      <div className="card-head">
        <h2 id="participants-title">{t('eventsUi.participants.title')}</h2>
        <div className="row-actions">
          <button type="button" className="btn btn-primary" onClick={() => { setMessage(null); setDialog('roster'); }}>{t('eventsUi.participants.fromRoster')}</button>
          <button type="button" className="btn" onClick={() => { setMessage(null); setDialog('nips'); }}>{t('eventsUi.participants.pasteNips')}</button>
          <button type="button" className="btn" onClick={() => { setMessage(null); setDialog('walkin'); }}>{t('eventsUi.participants.walkIn')}</button>
        </div>
      </div>
      {message && <Notice>{message}</Notice>}
      {over && (
        <div className="alert alert-warning" role="alert">
          <p>{t('eventsUi.participants.overCapacity', { n: active, capacity: event.capacity })}</p>
        </div>
      )}
      <div className="list-meta">
        <p className="list-count">
          {event.capacity ? t('eventsUi.enrolledOfCapacity', { n: active, capacity: event.capacity }) : t('eventsUi.enrolledCount', { count: active, n: active })}
        </p>
        <label className="choice" htmlFor={showId}>
          <input id={showId} type="checkbox" checked={showWithdrawn} onChange={(e) => setShowWithdrawn(e.target.checked)} /> {t('eventsUi.participants.showWithdrawn')}
        </label>
      </div>
      <LoadState loader={list}>
        {(rows) => rows.length === 0 ? <p className="list-empty">{t('eventsUi.participants.empty')}</p> : (
          <div className="table-wrap">
            <table className="table table-participants">
              <caption className="visually-hidden">{t('eventsUi.participants.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t('eventsUi.sessions.no')}</th>
                  <th scope="col">{t('eventsUi.participants.name')}</th>
                  <th scope="col">{t('field.nip')}</th>
                  <th scope="col">{t('eventsUi.participants.unit')}</th>
                  <th scope="col">{t('employees.columns.golongan')}</th>
                  <th scope="col">{t('eventsUi.participants.scores')}</th>
                  <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e, i) => (
                  <tr key={e.id} className={e.status === 'mundur' ? 'row-inactive' : undefined}>
                    <td className="num">{i + 1}</td>
                    <th scope="row">
                      {e.name} {e.walkIn && <span className="badge">{t('eventsUi.participants.guest')}</span>}
                      {e.jabatan && <span className="cell-sub">{e.jabatan}</span>}
                      {e.status === 'mundur' && <span className="cell-sub">{t('eventsUi.participants.withdrawnBecause', { reason: e.withdrawReason ?? '' })}</span>}
                    </th>
                    <td className="mono nowrap">{e.nip ? formatNip(e.nip) : '—'}</td>
                    <td>{e.walkIn ? (e.institution || '—') : (e.unit ?? '—')}</td>
                    <td>{e.golonganLabel ?? '—'}</td>
                    <td>{e.status === 'terdaftar' ? <Scores enrolment={e} onSaved={(u) => list.setData(rows.map((r) => (r.id === u.id ? u : r)))} /> : null}</td>
                    <td>
                      {e.status === 'terdaftar' && (
                        <button type="button" className="btn btn-small" aria-label={t('eventsUi.participants.withdrawNamed', { name: e.name })} onClick={() => { setMessage(null); setWithdrawing(e); }}>
                          {t('eventsUi.participants.withdraw')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>

      {dialog === 'roster' && <CandidatesDialog event={event} onClose={() => setDialog(null)} onAdded={(r) => { setDialog(null); added(r); }} />}
      {dialog === 'nips' && <PasteNipsDialog event={event} onClose={() => setDialog(null)} onAdded={(r) => { list.reload(); reload(); if (r.added) setMessage(t('eventsUi.participants.addedSummary', { added: r.added, already: r.already, enrolled: r.enrolled })); }} />}
      {dialog === 'walkin' && (
        <WalkInDialog
          eventId={event.id}
          onClose={() => setDialog(null)}
          onAdded={(e) => { setDialog(null); list.reload(); reload(); setMessage(t('eventsUi.participants.walkInAdded', { name: e.name })); }}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          enrolment={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={(e) => { setWithdrawing(null); list.reload(); reload(); setMessage(t('eventsUi.participants.withdrawn', { name: e.name })); }}
        />
      )}
    </section>
  );
}

/** Pre-test and post-test of one participant, saved when the cursor leaves a box that changed. */
function Scores({ enrolment, onSaved }: { enrolment: Enrolment; onSaved(e: Enrolment): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const text = (n: number | null) => (n === null ? '' : figure(n, lang));
  const [pre, setPre] = useState(text(enrolment.preTest));
  const [post, setPost] = useState(text(enrolment.postTest));
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const { error, run } = useRun();

  const save = async () => {
    const preTest = numberOrNull(pre);
    const postTest = numberOrNull(post);
    if (preTest === enrolment.preTest && postTest === enrolment.postTest) return;
    setState('saving');
    const updated = await run('scores', () => api['enrolment.setScores']({ id: enrolment.id, preTest, postTest }));
    if (updated) {
      onSaved(updated);
      setState('saved');
    } else {
      setState('idle');
    }
  };
  const box = (value: string, set: (v: string) => void, label: string, placeholder: string) => (
    <input
      className="score-input"
      inputMode="decimal"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => { set(e.target.value); setState('idle'); }}
      onBlur={() => void save()}
      onKeyDown={(e) => { if (e.key === 'Enter') void save(); }}
    />
  );
  return (
    <div className="scores">
      {box(pre, setPre, t('eventsUi.participants.preTestOf', { name: enrolment.name }), t('eventsUi.participants.pre'))}
      {box(post, setPost, t('eventsUi.participants.postTestOf', { name: enrolment.name }), t('eventsUi.participants.post'))}
      <span className="score-state" role="status">{state === 'saving' ? '…' : state === 'saved' ? t('eventsUi.participants.scoreSaved') : ''}</span>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

/**
 * Choosing from the roster: filters (unit, golongan, search) and the order "fewest JP this
 * year first", each candidate with their JP; tick many, then "Daftarkan".
 */
function CandidatesDialog({ event, onClose, onAdded }: { event: Event; onClose(): void; onAdded(r: AddResult): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState('');
  const [golongan, setGolongan] = useState('');
  const [order, setOrder] = useState<'fewest_jp' | 'name'>('fewest_jp');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const units = useLoader(() => api['units.list']({}), []);
  const candidates = useLoader(
    () => api['enrolment.candidates']({ eventId: event.id, search, unitId: unitId || undefined, golongan: golongan || undefined, order }),
    [event.id, search, unitId, golongan, order],
  );
  const { busy, error, run } = useRun();
  const searchId = useId();
  const open = (candidates.data ?? []).filter((c) => !c.enrolled);
  const allShown = open.length > 0 && open.every((c) => selected.has(c.employeeId));

  const toggle = (id: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  return (
    <Modal title={t('eventsUi.candidates.title')} onClose={onClose} size="wide" initialFocus="input[type=search]">
      <div className="list-toolbar list-toolbar-4" role="search" aria-label={t('eventsUi.candidates.filters')}>
        <div className="field field-search">
          <label htmlFor={searchId}>{t('eventsUi.candidates.search')}</label>
          <input id={searchId} type="search" value={search} autoComplete="off" spellCheck={false} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <PlainSelect label={t('employees.filterUnit')} value={unitId} onChange={setUnitId}>
          <option value="">{t('employees.allUnits')}</option>
          {(units.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </PlainSelect>
        <PlainSelect label={t('employees.filterGolongan')} value={golongan} onChange={setGolongan}>
          <option value="">{t('employees.allGolongan')}</option>
          {golonganOptions(t, null).map((o) => ('options' in o ? (
            <optgroup key={o.label} label={o.label}>{o.options.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}</optgroup>
          ) : <option key={o.value} value={o.value}>{o.label}</option>))}
        </PlainSelect>
        <PlainSelect label={t('eventsUi.candidates.order')} value={order} onChange={(v) => setOrder(v as 'fewest_jp' | 'name')}>
          <option value="fewest_jp">{t('eventsUi.candidates.fewestJp')}</option>
          <option value="name">{t('eventsUi.candidates.byName')}</option>
        </PlainSelect>
      </div>
      <div className="list-meta">
        <label className="choice">
          <input type="checkbox" checked={allShown} disabled={open.length === 0} onChange={(e) => setSelected((s) => {
            const next = new Set(s);
            for (const c of open) { if (e.target.checked) next.add(c.employeeId); else next.delete(c.employeeId); }
            return next;
          })} /> {t('eventsUi.candidates.selectShown', { n: open.length })}
        </label>
        <p className="list-count" role="status">{t('eventsUi.candidates.selected', { count: selected.size, n: selected.size })}</p>
      </div>
      <LoadState loader={candidates}>
        {(rows) => rows.length === 0 ? <p className="list-empty">{t('employees.noMatch')}</p> : (
          <div className="table-wrap table-scroll">
            <table className="table table-compact">
              <caption className="visually-hidden">{t('eventsUi.candidates.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('eventsUi.participants.name')}</th>
                  <th scope="col">{t('field.nip')}</th>
                  <th scope="col">{t('eventsUi.participants.unit')}</th>
                  <th scope="col">{t('employees.columns.golongan')}</th>
                  <th scope="col" className="num">{t('eventsUi.candidates.jpThisYear')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.employeeId} className={c.enrolled ? 'row-inactive' : undefined}>
                    <th scope="row">
                      <label className="choice">
                        <input type="checkbox" disabled={c.enrolled} checked={c.enrolled || selected.has(c.employeeId)} onChange={(e) => toggle(c.employeeId, e.target.checked)} />
                        {c.name}
                      </label>
                      {c.enrolled && <span className="cell-sub">{t('eventsUi.candidates.already')}</span>}
                    </th>
                    <td className="mono nowrap">{formatNip(c.nip)}</td>
                    <td>{c.unit ?? '—'}</td>
                    <td>{c.golonganLabel ?? '—'}</td>
                    <td className="num">{figure(c.jpThisYear, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={selected.size === 0}
          aria-busy={busy !== null || undefined}
          onClick={async () => {
            const r = await run('add', () => api['enrolment.add']({ eventId: event.id, employeeIds: [...selected] }));
            if (r) onAdded(r);
          }}
        >
          {busy ? t('common.saving') : t('eventsUi.candidates.submit', { count: selected.size, n: selected.size })}
        </button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}

type NipsResult = AddResult & { unknown: string[]; invalid: { value: string; code: string }[] };

/** A pasted list of NIPs (from a letter, a chat, a spreadsheet column); what was not found is listed. */
function PasteNipsDialog({ event, onClose, onAdded }: { event: Event; onClose(): void; onAdded(r: AddResult): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<NipsResult | null>(null);
  const { busy, error, run } = useRun();
  return (
    <Modal title={t('eventsUi.pasteNips.title')} onClose={onClose} size="medium">
      <div className="field">
        <label htmlFor={id}>{t('eventsUi.pasteNips.label')}</label>
        <textarea id={id} rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} spellCheck={false} className="mono-input" />
        <p className="field-hint" id={`${id}-hint`}>{t('eventsUi.pasteNips.hint')}</p>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {result && (
        <div className="stack-tight" role="status">
          <p className={result.added > 0 ? 'notice' : 'form-note'}>{t('eventsUi.participants.addedSummary', { added: result.added, already: result.already, enrolled: result.enrolled })}</p>
          {result.overCapacity && <div className="alert alert-warning"><p>{t('eventsUi.participants.overCapacity', { n: result.enrolled, capacity: result.capacity })}</p></div>}
          {result.unknown.length > 0 && (
            <div className="alert alert-warning">
              <p className="alert-title">{t('eventsUi.pasteNips.unknown', { n: result.unknown.length })}</p>
              <ul>{result.unknown.map((n) => <li key={n} className="mono">{formatNip(n)}</li>)}</ul>
            </div>
          )}
          {result.invalid.length > 0 && (
            <div className="alert alert-error">
              <p className="alert-title">{t('eventsUi.pasteNips.invalid', { n: result.invalid.length })}</p>
              <ul>{result.invalid.map((x, i) => <li key={`${x.value}-${i}`}><span className="mono">{x.value}</span> — {t(x.code, { defaultValue: t('validation.invalid') })}</li>)}</ul>
            </div>
          )}
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          aria-busy={busy !== null || undefined}
          disabled={text.trim() === ''}
          onClick={async () => {
            const r = await run('add', () => api['enrolment.addByNips']({ eventId: event.id, text }));
            if (r) {
              setResult(r);
              onAdded(r);
              // The NIPs that worked are done; what is left in the box is what still needs a look.
              setText([...r.unknown.map(formatNip), ...r.invalid.map((x) => x.value)].join('\n'));
            }
          }}
        >
          {busy ? t('common.saving') : t('eventsUi.pasteNips.submit')}
        </button>
        <button type="button" className="btn" onClick={onClose}>{result ? t('eventsUi.pasteNips.done') : t('common.cancel')}</button>
      </div>
    </Modal>
  );
}

/** A guest from another office, not on the roster: a name, and a NIP or institution if known. */
export function WalkInDialog({ eventId, initialNip = '', onClose, onAdded, submitLabel }: { eventId: string; initialNip?: string; onClose(): void; onAdded(e: Enrolment): void | Promise<void>; submitLabel?: string }) {
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { name: '', nip: initialNip ? formatNip(initialNip) : '', institution: '' } });
  const submit = useSubmitError(form);
  return (
    <Modal title={t('eventsUi.walkIn.title')} onClose={onClose}>
      <p className="form-note">{t('eventsUi.walkIn.note')}</p>
      <Form
        form={form}
        onSubmit={async (v) => {
          submit.clear();
          try {
            await onAdded(await api['enrolment.addWalkIn']({ eventId, name: v.name, nip: v.nip, institution: v.institution }));
          } catch (err) {
            submit.fail(err);
          }
        }}
      >
        <TextField name="name" label={t('eventsUi.walkIn.name')} autoComplete="off" />
        <TextField name="nip" label={t('field.nip')} optional className="mono-input" autoComplete="off" />
        <TextField name="institution" label={t('eventsUi.walkIn.institution')} optional autoComplete="off" />
        <FormAlert error={submit.alert} />
        <div className="form-actions">
          <SubmitButton>{submitLabel ?? t('eventsUi.walkIn.submit')}</SubmitButton>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </Form>
    </Modal>
  );
}

function WithdrawDialog({ enrolment, onClose, onDone }: { enrolment: Enrolment; onClose(): void; onDone(e: Enrolment): void }) {
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { reason: '' } });
  const submit = useSubmitError(form);
  return (
    <Modal title={t('eventsUi.withdraw.title', { name: enrolment.name })} onClose={onClose}>
      <p className="form-note">{t('eventsUi.withdraw.note')}</p>
      <Form
        form={form}
        onSubmit={async (v) => {
          submit.clear();
          try {
            onDone(await api['enrolment.withdraw']({ id: enrolment.id, reason: v.reason }));
          } catch (err) {
            submit.fail(err);
          }
        }}
      >
        <TextAreaField name="reason" label={t('eventsUi.withdraw.reason')} rows={2} />
        <FormAlert error={submit.alert} />
        <div className="form-actions">
          <SubmitButton>{t('eventsUi.withdraw.submit')}</SubmitButton>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </Form>
    </Modal>
  );
}
