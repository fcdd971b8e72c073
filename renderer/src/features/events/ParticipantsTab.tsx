import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Enrolment, Event } from '../../../../shared/contract/events.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { FormDialog, TextAreaField, TextField } from '../../components/form.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { Modal } from '../../components/Modal.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
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
  const enrolments = useLoader(() => api['enrolment.list']({ eventId: event.id, includeWithdrawn: showWithdrawn }), [event.id, showWithdrawn]);
  const list = useCrudList<Enrolment, 'roster' | 'nips' | 'walkin'>(enrolments);
  const { removing: withdrawing } = list;
  const showId = useId();

  const active = (enrolments.data ?? []).filter((e) => e.status === 'terdaftar').length;
  const over = event.capacity !== null && active > event.capacity;

  // Who is enrolled changed: this list, and the event's own counts above it.
  const changed = () => {
    enrolments.reload();
    reload();
  };
  const addedText = (r: AddResult) => t('eventsUi.participants.addedSummary', { added: r.added, already: r.already, enrolled: r.enrolled });

  return (
    <ListCard
      title={t('eventsUi.participants.title')}
      actions={<>
        <button type="button" className="btn btn-primary" onClick={() => list.open('roster')}>{t('eventsUi.participants.fromRoster')}</button>
        <button type="button" className="btn" onClick={() => list.open('nips')}>{t('eventsUi.participants.pasteNips')}</button>
        <button type="button" className="btn" onClick={() => list.open('walkin')}>{t('eventsUi.participants.walkIn')}</button>
      </>}
      message={list.message}
    >
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
      <DataTable
        loader={enrolments}
        caption={t('eventsUi.participants.caption')}
        className="table-participants"
        empty={t('eventsUi.participants.empty')}
        rowClassName={(e) => (e.status === 'mundur' ? 'row-inactive' : undefined)}
        columns={[
          { key: 'no', header: t('eventsUi.sessions.no'), num: true, cell: (_, i) => i + 1 },
          {
            key: 'name',
            header: t('eventsUi.participants.name'),
            rowHeader: true,
            cell: (e) => <>
              {e.name} {e.walkIn && <span className="badge">{t('eventsUi.participants.guest')}</span>}
              {e.jabatan && <span className="cell-sub">{e.jabatan}</span>}
              {e.status === 'mundur' && <span className="cell-sub">{t('eventsUi.participants.withdrawnBecause', { reason: e.withdrawReason ?? '' })}</span>}
            </>,
          },
          { key: 'nip', header: t('field.nip'), className: 'mono nowrap', cell: (e) => (e.nip ? formatNip(e.nip) : '—') },
          { key: 'unit', header: t('eventsUi.participants.unit'), cell: (e) => (e.walkIn ? (e.institution || '—') : (e.unit ?? '—')) },
          { key: 'golongan', header: t('employees.columns.golongan'), cell: (e) => e.golonganLabel ?? '—' },
          { key: 'scores', header: t('eventsUi.participants.scores'), cell: (e) => (e.status === 'terdaftar' ? <Scores enrolment={e} onSaved={list.put} /> : null) },
        ]}
        actions={(e) => e.status === 'terdaftar' && (
          <RowButton label={t('eventsUi.participants.withdrawNamed', { name: e.name })} onClick={() => list.remove(e)}>{t('eventsUi.participants.withdraw')}</RowButton>
        )}
      />

      {list.dialog === 'roster' && <CandidatesDialog event={event} onClose={list.close} onAdded={(r) => { changed(); list.done(addedText(r)); }} />}
      {list.dialog === 'nips' && <PasteNipsDialog event={event} onClose={list.close} onAdded={(r) => { changed(); if (r.added) list.say(addedText(r)); }} />}
      {list.dialog === 'walkin' && (
        <WalkInDialog
          eventId={event.id}
          onClose={list.close}
          onAdded={(e) => { changed(); list.done(t('eventsUi.participants.walkInAdded', { name: e.name })); }}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          enrolment={withdrawing}
          onClose={list.close}
          onDone={(e) => { changed(); list.done(t('eventsUi.participants.withdrawn', { name: e.name })); }}
        />
      )}
    </ListCard>
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
      <DataTable
        loader={candidates}
        caption={t('eventsUi.candidates.caption')}
        className="table-compact"
        wrapClassName="table-scroll"
        empty={t('employees.noMatch')}
        rowKey={(c) => c.employeeId}
        rowClassName={(c) => (c.enrolled ? 'row-inactive' : undefined)}
        columns={[
          {
            key: 'name',
            header: t('eventsUi.participants.name'),
            rowHeader: true,
            cell: (c) => <>
              <label className="choice">
                <input type="checkbox" disabled={c.enrolled} checked={c.enrolled || selected.has(c.employeeId)} onChange={(e) => toggle(c.employeeId, e.target.checked)} />
                {c.name}
              </label>
              {c.enrolled && <span className="cell-sub">{t('eventsUi.candidates.already')}</span>}
            </>,
          },
          { key: 'nip', header: t('field.nip'), className: 'mono nowrap', cell: (c) => formatNip(c.nip) },
          { key: 'unit', header: t('eventsUi.participants.unit'), cell: (c) => c.unit ?? '—' },
          { key: 'golongan', header: t('employees.columns.golongan'), cell: (c) => c.golonganLabel ?? '—' },
          { key: 'jp', header: t('eventsUi.candidates.jpThisYear'), num: true, cell: (c) => figure(c.jpThisYear, lang) },
        ]}
      />
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
  return (
    <FormDialog
      title={t('eventsUi.walkIn.title')}
      note={t('eventsUi.walkIn.note')}
      onClose={onClose}
      form={form}
      send={(v) => api['enrolment.addWalkIn']({ eventId, name: v.name, nip: v.nip, institution: v.institution })}
      onDone={onAdded}
      submitLabel={submitLabel ?? t('eventsUi.walkIn.submit')}
    >
      <TextField name="name" label={t('eventsUi.walkIn.name')} autoComplete="off" />
      <TextField name="nip" label={t('field.nip')} optional className="mono-input" autoComplete="off" />
      <TextField name="institution" label={t('eventsUi.walkIn.institution')} optional autoComplete="off" />
    </FormDialog>
  );
}

function WithdrawDialog({ enrolment, onClose, onDone }: { enrolment: Enrolment; onClose(): void; onDone(e: Enrolment): void }) {
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { reason: '' } });
  return (
    <FormDialog
      title={t('eventsUi.withdraw.title', { name: enrolment.name })}
      note={t('eventsUi.withdraw.note')}
      onClose={onClose}
      form={form}
      send={(v) => api['enrolment.withdraw']({ id: enrolment.id, reason: v.reason })}
      onDone={onDone}
      submitLabel={t('eventsUi.withdraw.submit')}
    >
      <TextAreaField name="reason" label={t('eventsUi.withdraw.reason')} rows={2} />
    </FormDialog>
  );
}
