import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Candidate, CertificateRow } from '../../../../shared/contract/certificates.ts';
import type { CertificateRole } from '../../../../shared/certificates/types.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader, type Loaded } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { Form, TextField } from '../../components/form.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton, type Column } from '../../components/table.tsx';
import type { TabProps } from '../events/EventPage.tsx';
import { EmployeePickerField } from '../trainings/EmployeePicker.tsx';
import { useDownload, useRun } from '../trainings/ui.tsx';
import { ReplaceDialog, RevokeDialog } from './dialogs.tsx';
import { nipDigits, nipText, roleWord, statusBadge, whyText } from './format.ts';
import { PrintButtons } from './PrintButtons.tsx';

type Candidates = Awaited<ReturnType<(typeof api)['certificates.candidates']>>;
type IssueResult = Awaited<ReturnType<(typeof api)['certificates.issue']>>;
type IssueInput = Parameters<(typeof api)['certificates.issue']>[0];

/**
 * Sertifikat (a tab of the event): who can get one (participants by the completion rule, the
 * speakers, the committee picked here), "Terbitkan" per role, and the certificates issued, to
 * print in one file or a zip, correct or revoke.
 */
export function EventCertificatesTab({ event }: TabProps) {
  const { t } = useTranslation();
  const [tick, setTick] = useState(0);
  const candidates = useLoader(() => api['certificates.candidates']({ eventId: event.id }), [event.id, event.status, tick]);
  const issued = useLoader(() => api['certificates.list']({ eventId: event.id }), [event.id, tick]);
  const [result, setResult] = useState<{ role: CertificateRole; value: IssueResult } | null>(null);
  const changed = () => setTick((n) => n + 1);
  const onIssued = (role: CertificateRole, value: IssueResult) => {
    setResult({ role, value });
    changed();
  };

  return (
    <div className="stack">
      {event.status === 'batal' && <p className="alert alert-warning">{t('certificatesUi.event.cancelled')}</p>}
      {result && <IssueSummary role={result.role} result={result.value} onClose={() => setResult(null)} />}
      <LoadState loader={candidates}>
        {(data) => (
          <>
            <PesertaCard data={data} eventId={event.id} onIssued={(r) => onIssued('peserta', r)} />
            <NarasumberCard data={data} eventId={event.id} onIssued={(r) => onIssued('narasumber', r)} />
            <PanitiaCard data={data} eventId={event.id} onIssued={(r) => onIssued('panitia', r)} />
          </>
        )}
      </LoadState>
      <IssuedCard eventId={event.id} rows={issued} onChanged={changed} />
    </div>
  );
}

/** What "Terbitkan" did: how many were issued (their numbers), and who was skipped and why. */
function IssueSummary({ role, result, onClose }: { role: CertificateRole; result: IssueResult; onClose(): void }) {
  const { t } = useTranslation();
  const first = result.issued[0];
  const last = result.issued.at(-1);
  return (
    <div className="issue-summary" role="status">
      <div className="notice notice-row">
        <span>
          {t('certificatesUi.issue.issued', { count: result.issued.length, n: result.issued.length, role: roleWord(t, role).toLowerCase() })}
          {first && last && ` ${first === last ? t('certificatesUi.issue.number', { number: first.number }) : t('certificatesUi.issue.numbers', { first: first.number, last: last.number })}`}
        </span>
        <button type="button" className="btn btn-small" onClick={onClose}>{t('common.close')}</button>
      </div>
      {result.skipped.length > 0 && (
        <div className="alert alert-info">
          <p className="alert-title">{t('certificatesUi.issue.skipped', { count: result.skipped.length, n: result.skipped.length })}</p>
          <ul>
            {result.skipped.map((s, i) => (
              <li key={`${s.nip}-${s.name}-${i}`}>{s.name}{s.nip ? ` (${nipText(s.nip)})` : ''}: {whyText(t, s.reason)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The status of one candidate: issued (its number, a link), eligible, or not (yet) with why. */
function CandidateStatus({ c }: { c: Candidate }) {
  const { t } = useTranslation();
  if (c.certificate) {
    return (
      <>
        <span className="badge badge-ok">{t('certificatesUi.candidates.issued')}</span>
        <span className="cell-sub"><Link href={`/sertifikat/${c.certificate.id}`} className="mono">{c.certificate.number}</Link></span>
      </>
    );
  }
  if (c.eligible) return <span className="badge badge-ok">✓ {t('certificatesUi.candidates.eligible')}</span>;
  return (
    <>
      <span className="badge badge-warn">✗ {t('certificatesUi.candidates.notEligible')}</span>
      <span className="cell-sub">{c.reasons.map((r) => whyText(t, r)).join(', ') || '—'}</span>
    </>
  );
}

/** The issue button and its error, the same for every role. */
function useIssue(eventId: string, role: CertificateRole, onIssued: (r: IssueResult) => void) {
  const { busy, error, run } = useRun();
  const issue = async (extra: Partial<IssueInput> = {}) => {
    const r = await run('issue', () => api['certificates.issue']({ eventId, role, ...extra }));
    if (r) onIssued(r);
    return r;
  };
  return { busy: busy !== null, error, issue };
}

function PesertaCard({ data, eventId, onIssued }: { data: Candidates; eventId: string; onIssued(r: IssueResult): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const admin = user.role === 'admin';
  const id = useId();
  const [included, setIncluded] = useState<Map<string, string>>(new Map());
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const reasonRefs = useRef(new Map<string, HTMLInputElement>());
  const { busy, error, issue } = useIssue(eventId, 'peserta', (r) => {
    setIncluded(new Map());
    onIssued(r);
  });

  const rows = data.peserta;
  const ready = rows.filter((c) => c.eligible && !c.certificate).length;
  const includable = admin && rows.some((c) => !c.eligible && !c.certificate);
  const n = ready + included.size;

  const toggle = (key: string, on: boolean) => {
    setIncluded((m) => {
      const next = new Map(m);
      if (on) next.set(key, ''); else next.delete(key);
      return next;
    });
    setMissing((s) => {
      const next = new Set(s);
      next.delete(key);
      return next;
    });
    if (on) setTimeout(() => reasonRefs.current.get(key)?.focus(), 0);
  };

  const submit = () => {
    const empty = [...included].filter(([, reason]) => !reason.trim()).map(([key]) => key);
    setMissing(new Set(empty));
    if (empty.length) {
      reasonRefs.current.get(empty[0]!)?.focus();
      return;
    }
    void issue({ include: [...included].map(([enrolmentId, reason]) => ({ enrolmentId, reason })) });
  };

  const columns: Column<Candidate>[] = [
    { key: 'no', header: t('eventsUi.sessions.no'), num: true, cell: (_, i) => i + 1 },
    { key: 'name', header: t('eventsUi.participants.name'), rowHeader: true, cell: (c) => <>{c.name}<span className="cell-sub mono">{nipText(c.nip)}</span></> },
    { key: 'detail', header: t('certificatesUi.candidates.attendance'), className: 'nowrap', cell: (c) => c.detail || '—' },
    { key: 'status', header: t('common.status'), cell: (c) => <CandidateStatus c={c} /> },
  ];
  if (includable) {
    columns.push({
      key: 'include', header: t('certificatesUi.candidates.include'), className: 'cert-include',
      cell: (c) => (c.eligible || c.certificate ? null : (
        <div className={`cert-include-box${missing.has(c.key) ? ' field-invalid' : ''}`}>
          <label className="choice">
            <input
              type="checkbox"
              checked={included.has(c.key)}
              aria-label={t('certificatesUi.candidates.includeNamed', { name: c.name })}
              onChange={(e) => toggle(c.key, e.target.checked)}
            />
            <span aria-hidden="true">{t('certificatesUi.candidates.includeShort')}</span>
          </label>
          {included.has(c.key) && (
            <>
              <input
                ref={(el) => { if (el) reasonRefs.current.set(c.key, el); else reasonRefs.current.delete(c.key); }}
                className="cert-include-reason"
                type="text"
                maxLength={500}
                autoComplete="off"
                placeholder={t('certificatesUi.candidates.reasonPlaceholder')}
                aria-label={t('certificatesUi.candidates.reasonNamed', { name: c.name })}
                aria-invalid={missing.has(c.key) || undefined}
                aria-describedby={missing.has(c.key) ? `${id}-${c.key}-error` : undefined}
                value={included.get(c.key) ?? ''}
                onChange={(e) => {
                  const value = e.target.value;
                  setIncluded((m) => new Map(m).set(c.key, value));
                  if (value.trim()) setMissing((m) => (m.has(c.key) ? new Set([...m].filter((k) => k !== c.key)) : m));
                }}
              />
              {missing.has(c.key) && <p className="field-error" id={`${id}-${c.key}-error`}>{t('certificatesUi.candidates.reasonRequired')}</p>}
            </>
          )}
        </div>
      )),
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('certificatesUi.candidates.pesertaTitle')}</h2>
        <button type="button" className={n ? 'btn btn-primary' : 'btn'} onClick={submit} disabled={n === 0} aria-busy={busy || undefined}>
          {busy ? t('certificatesUi.issue.busy') : t('certificatesUi.issue.peserta', { n })}
        </button>
      </div>
      <p className="form-note">
        {data.eventDone ? t('certificatesUi.candidates.pesertaIntro') : t('certificatesUi.candidates.notDone')}
        {includable ? ` ${t('certificatesUi.candidates.includeIntro')}` : ''}
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      <DataTable
        rows={rows}
        caption={t('certificatesUi.candidates.pesertaCaption')}
        columns={columns}
        className="cert-candidates"
        rowKey={(c) => c.key}
        empty={t('certificatesUi.candidates.noParticipants')}
      />
    </section>
  );
}

function NarasumberCard({ data, eventId, onIssued }: { data: Candidates; eventId: string; onIssued(r: IssueResult): void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, issue } = useIssue(eventId, 'narasumber', onIssued);
  const rows = data.narasumber;
  const n = rows.filter((c) => !c.certificate).length;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('certificatesUi.candidates.narasumberTitle')}</h2>
        {rows.length > 0 && (
          <button type="button" className={n ? 'btn btn-primary' : 'btn'} onClick={() => void issue()} disabled={n === 0} aria-busy={busy || undefined}>
            {busy ? t('certificatesUi.issue.busy') : t('certificatesUi.issue.narasumber', { n })}
          </button>
        )}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <DataTable
        rows={rows}
        caption={t('certificatesUi.candidates.narasumberTitle')}
        rowKey={(c) => c.key}
        empty={<>{t('certificatesUi.candidates.noSpeakers')} <Link href={`/kegiatan/${eventId}`}>{t('eventsUi.tabs.data')}</Link></>}
        columns={[
          { key: 'name', header: t('eventsUi.participants.name'), rowHeader: true, cell: (c) => c.name },
          { key: 'detail', header: t('certificatesUi.candidates.speakerDetail'), cell: (c) => c.detail || '—' },
          { key: 'status', header: t('common.status'), cell: (c) => (c.certificate ? <CandidateStatus c={c} /> : <span className="muted">{t('certificatesUi.candidates.notYet')}</span>) },
        ]}
      />
    </section>
  );
}

type Pending = { key: string; kind: 'employee'; id: string; name: string; nip: string } | { key: string; kind: 'other'; name: string; nip: string; jabatan: string; unit: string };

/** Panitia: people picked from the roster or typed (from outside it), then issued in one go. */
function PanitiaCard({ data, eventId, onIssued }: { data: Candidates; eventId: string; onIssued(r: IssueResult): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [pending, setPending] = useState<Pending[]>([]);
  const [roleLabel, setRoleLabel] = useState('');
  const { busy, error, issue } = useIssue(eventId, 'panitia', (r) => {
    setPending([]);
    onIssued(r);
  });
  const add = (p: Pending) => setPending((list) => (list.some((x) => x.key === p.key) ? list : [...list, p]));
  const send = () => void issue({
    employeeIds: pending.flatMap((p) => (p.kind === 'employee' ? [p.id] : [])),
    others: pending.flatMap((p) => (p.kind === 'other' ? [{ name: p.name, nip: p.nip, jabatan: p.jabatan, unit: p.unit }] : [])),
    roleLabel,
  });

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('certificatesUi.candidates.panitiaTitle')}</h2>
        <button type="button" className={pending.length ? 'btn btn-primary' : 'btn'} onClick={send} disabled={pending.length === 0} aria-busy={busy || undefined}>
          {busy ? t('certificatesUi.issue.busy') : t('certificatesUi.issue.panitia', { n: pending.length })}
        </button>
      </div>
      <p className="form-note">{t('certificatesUi.candidates.panitiaIntro')}</p>
      <div className="field panitia-role">
        <label htmlFor={`${id}-role`}>{t('certificatesUi.candidates.roleLabel')}</label>
        <input id={`${id}-role`} value={roleLabel} maxLength={40} onChange={(e) => setRoleLabel(e.target.value)} aria-describedby={`${id}-role-hint`} />
        <p id={`${id}-role-hint`} className="field-hint">{t('certificatesUi.candidates.roleLabelHint')}</p>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="grid-2 panitia-add">
        <AddFromRoster onAdd={add} />
        <AddOutside onAdd={add} />
      </div>
      {pending.length > 0 && (
        <DataTable
          rows={pending}
          caption={t('certificatesUi.candidates.pendingCaption')}
          rowKey={(p) => p.key}
          columns={[
            { key: 'name', header: t('eventsUi.participants.name'), rowHeader: true, cell: (p) => <>{p.name}<span className="cell-sub mono">{nipText(p.nip)}</span></> },
            { key: 'from', header: t('certificatesUi.candidates.from'), cell: (p) => (p.kind === 'employee' ? t('certificatesUi.candidates.fromRoster') : [t('certificatesUi.candidates.fromOutside'), p.jabatan, p.unit].filter(Boolean).join(' · ')) },
          ]}
          actions={(p) => (
            <RowButton label={t('certificatesUi.candidates.removeNamed', { name: p.name })} onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}>
              {t('certificatesUi.candidates.remove')}
            </RowButton>
          )}
        />
      )}
      {data.panitia.length > 0 && (
        <>
          <h3 className="subsection-title">{t('certificatesUi.candidates.panitiaIssued')}</h3>
          <DataTable
            rows={data.panitia}
            caption={t('certificatesUi.candidates.panitiaIssued')}
            rowKey={(c) => c.key}
            columns={[
              { key: 'name', header: t('eventsUi.participants.name'), rowHeader: true, cell: (c) => <>{c.name}<span className="cell-sub mono">{nipText(c.nip)}</span></> },
              { key: 'status', header: t('common.status'), cell: (c) => <CandidateStatus c={c} /> },
            ]}
          />
        </>
      )}
    </section>
  );
}

function AddFromRoster({ onAdd }: { onAdd(p: Pending): void }) {
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { employeeId: '' } });
  const [round, setRound] = useState(0);
  const { busy, error, run } = useRun();
  const onSubmit = async ({ employeeId }: { employeeId: string }) => {
    if (!employeeId) {
      form.setError('employeeId', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
      return;
    }
    const found = await run('get', () => api['employees.get']({ id: employeeId }));
    if (!found) return;
    const e = found.employee;
    onAdd({ key: `employee:${e.id}`, kind: 'employee', id: e.id, name: e.displayName, nip: e.nip });
    form.reset({ employeeId: '' });
    setRound((r) => r + 1);
  };
  return (
    <Form form={form} onSubmit={onSubmit} className="panitia-form" aria-label={t('certificatesUi.candidates.fromRosterTitle')}>
      <h3 className="h-small">{t('certificatesUi.candidates.fromRosterTitle')}</h3>
      <EmployeePickerField key={round} name="employeeId" label={t('certificatesUi.candidates.employee')} initial={null} />
      {error ? <ErrorAlert error={error} /> : null}
      <button type="submit" className="btn" aria-busy={busy !== null || undefined}>{t('certificatesUi.candidates.add')}</button>
    </Form>
  );
}

interface OutsideValues { name: string; nip: string; jabatan: string; unit: string }

function AddOutside({ onAdd }: { onAdd(p: Pending): void }) {
  const { t } = useTranslation();
  const form = useForm<OutsideValues>({ defaultValues: { name: '', nip: '', jabatan: '', unit: '' } });
  const onSubmit = (v: OutsideValues) => {
    const name = v.name.trim();
    const nip = v.nip.trim() ? nipDigits(v.nip) : '';
    if (!name) {
      form.setError('name', { type: 'required', message: 'validation.required' }, { shouldFocus: true });
      return;
    }
    if (nip && !/^\d{18}$/.test(nip)) {
      form.setError('nip', { type: 'pattern', message: 'validation.nip_digits' }, { shouldFocus: true });
      return;
    }
    onAdd({ key: `other:${name.toLowerCase()}`, kind: 'other', name, nip, jabatan: v.jabatan.trim(), unit: v.unit.trim() });
    form.reset();
    // After the submit has settled: the next name is typed straight away.
    setTimeout(() => form.setFocus('name'), 0);
  };
  return (
    <Form form={form} onSubmit={onSubmit} className="panitia-form" aria-label={t('certificatesUi.candidates.outsideTitle')}>
      <h3 className="h-small">{t('certificatesUi.candidates.outsideTitle')}</h3>
      <TextField name="name" label={t('certificatesUi.candidates.outsideName')} autoComplete="off" />
      <div className="grid-2">
        <TextField name="nip" label={t('field.nip')} inputMode="numeric" autoComplete="off" />
        <TextField name="jabatan" label={t('field.jabatan')} autoComplete="off" />
      </div>
      <TextField name="unit" label={t('certificatesUi.candidates.outsideUnit')} autoComplete="off" hint={t('certificatesUi.candidates.outsideHint')} />
      <button type="submit" className="btn">{t('certificatesUi.candidates.add')}</button>
    </Form>
  );
}

/** The event's certificates: print them all, and per row the PDF, Koreksi and Cabut. */
function IssuedCard({ eventId, rows, onChanged }: { eventId: string; rows: Loaded<CertificateRow[]>; onChanged(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const admin = user.role === 'admin';
  const list = useCrudList<CertificateRow>(rows);
  const replacing = list.editing === 'new' ? null : list.editing;
  const pdf = useDownload();
  const live = (rows.data ?? []).filter((c) => c.status === 'sah').length;
  // In the order they were issued, as they are printed.
  const sorted = { ...rows, data: rows.data && [...rows.data].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.number.localeCompare(b.number, undefined, { numeric: true })) };

  return (
    <ListCard
      title={t('certificatesUi.issuedList.title', { n: live })}
      intro={t('certificatesUi.issuedList.intro')}
      actions={<PrintButtons eventId={eventId} disabled={live === 0} />}
      message={pdf.error ? { error: pdf.error } : list.message}
    >
      <DataTable
        loader={sorted}
        caption={t('certificatesUi.issuedList.caption')}
        className="cert-issued"
        empty={t('certificatesUi.issuedList.empty')}
        rowClassName={(c) => (c.status === 'dicabut' ? 'row-revoked' : undefined)}
        columns={[
          { key: 'number', header: t('certificatesUi.fields.number'), className: 'mono cert-number', cell: (c) => c.number },
          { key: 'name', header: t('certificatesUi.fields.recipient'), rowHeader: true, cell: (c) => <><Link href={`/sertifikat/${c.id}`}>{c.name}</Link><span className="cell-sub mono">{nipText(c.nip)}</span></> },
          { key: 'role', header: t('certificatesUi.fields.role'), cell: (c) => roleWord(t, c.role) },
          {
            key: 'status', header: t('common.status'),
            cell: (c) => {
              const b = statusBadge(t, c);
              return (
                <>
                  <span className={b.className}>{b.text}</span>
                  {c.status === 'dicabut' && <span className="cell-sub">{c.replacedByNumber ? t('certificatesUi.issuedList.replacedBy', { number: c.replacedByNumber }) : c.revokeReason}</span>}
                  {c.status === 'sah' && c.includedReason && <span className="cell-sub">{t('certificatesUi.issuedList.included')}</span>}
                </>
              );
            },
          },
        ]}
        actions={(c) => (
          <>
            <RowButton label={t('certificatesUi.actions.pdfNamed', { name: c.name })} onClick={() => void pdf.download(c.id, () => api['certificates.pdf']({ id: c.id }))}>
              {pdf.busy === c.id ? '…' : t('certificatesUi.actions.pdf')}
            </RowButton>
            {admin && c.status === 'sah' && (
              <>
                <RowButton label={t('certificatesUi.actions.replaceNamed', { name: c.name })} onClick={() => list.edit(c)}>{t('certificatesUi.actions.replace')}</RowButton>
                <RowButton danger label={t('certificatesUi.actions.revokeNamed', { name: c.name })} onClick={() => list.remove(c)}>{t('certificatesUi.actions.revoke')}</RowButton>
              </>
            )}
          </>
        )}
      />
      {pdf.saved && <Notice>{t('recapUi.downloaded', { fileName: pdf.saved })}</Notice>}
      {list.removing && (
        <RevokeDialog
          row={list.removing}
          onClose={list.close}
          onDone={(row) => {
            list.saved(row, t('certificatesUi.revoke.done', { number: row.number }));
            onChanged();
          }}
        />
      )}
      {replacing && (
        <ReplaceDialog
          row={replacing}
          onClose={list.close}
          onDone={(row) => {
            list.done(t('certificatesUi.replace.done', { old: replacing.number, number: row.number }));
            onChanged();
          }}
        />
      )}
    </ListCard>
  );
}
