import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { trustImportPreview, trustOfficeRow } from '../../../../shared/contract/certificates.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState, Notice } from '../../components/feedback.tsx';
import { readBase64 } from '../../components/files.ts';
import { FormDialog, TextAreaField } from '../../components/form.tsx';
import { MessageLine, type ListMessage } from '../../components/list.tsx';
import { Modal } from '../../components/Modal.tsx';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { useDownload, useRun } from '../trainings/ui.tsx';

type TrustOffice = z.infer<typeof trustOfficeRow>;
type ImportPreview = z.infer<typeof trustImportPreview>;
type OfficeKey = TrustOffice['keys'][number];

/**
 * Pengaturan → Kepercayaan: this office's signing key (its fingerprint to print and hand over),
 * the trust list to send and to import (a new signer is confirmed by comparing fingerprints),
 * the offices trusted here, a new key, and the standalone verifier page.
 */
export function TrustSettings() {
  const trust = useLoader(() => api['trust.list']({}), []);
  return (
    <LoadState loader={trust}>
      {(offices) => (
        <div className="stack">
          <OwnKeyCard own={offices.find((o) => o.own) ?? null} onRotated={trust.reload} />
          <TrustListCard offices={offices} onImported={trust.reload} />
        </div>
      )}
    </LoadState>
  );
}

/** "1A2B 3C4D …" in rows of four groups, large: what people compare by eye or read over the phone. */
export function Fingerprint({ value, className }: { value: string; className?: string }) {
  const groups = value.split(' ');
  return (
    <p className={`fingerprint mono${className ? ` ${className}` : ''}`}>
      {groups.map((g, i) => (
        <span key={i} className="fingerprint-group">{g}{i < groups.length - 1 ? ' ' : ''}</span>
      ))}
    </p>
  );
}

function OwnKeyCard({ own, onRotated }: { own: TrustOffice | null; onRotated(): void }) {
  const { t } = useTranslation();
  const { office, user } = useSession();
  const lang = currentLanguage();
  const id = useId();
  const [rotating, setRotating] = useState(false);
  const [message, setMessage] = useState<ListMessage>(null);
  const keys = own?.keys ?? [];
  const active = keys.find((k) => k.status === 'active') ?? null;
  const retired = keys.filter((k) => k.status === 'retired');
  const when = (instant: string | null) => (instant ? formatInstant(instant, office.timezone, lang) : '—');

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('certificatesUi.trust.keyTitle')}</h2>
        <div className="row-actions">
          <button type="button" className="btn" onClick={() => window.print()} disabled={!active}>{t('certificatesUi.trust.print')}</button>
          {user.role === 'admin' && (
            <button type="button" className="btn btn-danger" onClick={() => { setMessage(null); setRotating(true); }}>{t('certificatesUi.trust.rotate')}</button>
          )}
        </div>
      </div>
      <p className="form-note">{t('certificatesUi.trust.keyIntro')}</p>
      <MessageLine message={message} />
      {active ? (
        <div className="key-block">
          <p className="key-meta">
            <span className="badge badge-ok">{t('certificatesUi.trust.active')}</span>{' '}
            {t('certificatesUi.trust.since', { date: when(active.createdAt) })}
          </p>
          <Fingerprint value={active.fingerprint} className="fingerprint-large" />
          <p className="muted">{t('certificatesUi.trust.kid', { kid: active.kid })}</p>
        </div>
      ) : <p className="alert alert-warning">{t('certificatesUi.trust.noKey')}</p>}
      {retired.length > 0 && (
        <>
          <h3 className="subsection-title">{t('certificatesUi.trust.retiredTitle')}</h3>
          <p className="form-note">{t('certificatesUi.trust.retiredIntro')}</p>
          <ul className="retired-keys">
            {retired.map((k) => (
              <li key={k.kid}>
                <span className="badge badge-off">{t('certificatesUi.trust.retired')}</span>{' '}
                {t('certificatesUi.trust.period', { from: when(k.createdAt), to: when(k.retiredAt) })}
                <Fingerprint value={k.fingerprint} />
              </li>
            ))}
          </ul>
        </>
      )}
      {active && <PrintCard officeName={office.name} officeCode={office.code} keyRow={active} />}
      {rotating && (
        <RotateDialog
          onClose={() => setRotating(false)}
          onDone={() => {
            setRotating(false);
            setMessage({ text: t('certificatesUi.trust.rotated') });
            onRotated();
          }}
        />
      )}
    </section>
  );
}

/** The printed card (window.print shows only it): office, code, fingerprint, date. */
function PrintCard({ officeName, officeCode, keyRow }: { officeName: string; officeCode: string; keyRow: OfficeKey }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  return createPortal(
    <div className="fingerprint-print" aria-hidden="true">
      <p className="print-kicker">{t('certificatesUi.trust.printKicker')}</p>
      <h1>{officeName}</h1>
      <p>{t('certificatesUi.trust.printCode', { code: officeCode })}</p>
      <p className="print-label">{t('certificatesUi.trust.printFingerprint')}</p>
      <Fingerprint value={keyRow.fingerprint} className="fingerprint-large" />
      <p>{t('certificatesUi.trust.printKeyDate', { date: formatInstant(keyRow.createdAt, office.timezone, lang) })}</p>
      <p>{t('certificatesUi.trust.printDate', { date: formatInstant(new Date().toISOString(), office.timezone, lang) })}</p>
      <p className="print-note">{t('certificatesUi.trust.printNote')}</p>
      <p className="print-sign">{t('certificatesUi.trust.printSign')}</p>
    </div>,
    document.body,
  );
}

function RotateDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { reason: '' } });
  return (
    <FormDialog
      title={t('certificatesUi.trust.rotateTitle')}
      note={t('certificatesUi.trust.rotateNote')}
      onClose={onClose}
      form={form}
      send={(v) => api['trust.rotateKey']({ reason: v.reason })}
      onDone={onDone}
      submitLabel={t('certificatesUi.trust.rotateSubmit')}
    >
      <TextAreaField name="reason" label={t('field.reason')} rows={2} hint={t('certificatesUi.trust.rotateReasonHint')} />
    </FormDialog>
  );
}

function TrustListCard({ offices, onImported }: { offices: TrustOffice[]; onImported(): void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const exported = useDownload();
  const verifier = useDownload();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportPreview | null>(null);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('certificatesUi.trust.listTitle')}</h2>
      <p className="form-note">{t('certificatesUi.trust.listIntro')}</p>
      <div className="form-actions trust-actions">
        <button type="button" className="btn" aria-busy={exported.busy !== null || undefined} onClick={() => void exported.download('export', () => api['trust.export']({}))}>
          {t('certificatesUi.trust.export')}
        </button>
        {user.role === 'admin' && (
          <button type="button" className="btn btn-primary" onClick={() => { setImported(null); setImporting(true); }}>{t('certificatesUi.trust.import')}</button>
        )}
        <button type="button" className="btn" aria-busy={verifier.busy !== null || undefined} onClick={() => void verifier.download('verifier', () => api['certificates.verifier']({}))}>
          {t('certificatesUi.trust.verifier')}
        </button>
      </div>
      <p className="form-note">{t('certificatesUi.trust.verifierNote')}</p>
      {exported.saved && <Notice>{t('certificatesUi.trust.exported', { fileName: exported.saved })}</Notice>}
      {verifier.saved && <Notice>{t('certificatesUi.trust.verifierSaved', { fileName: verifier.saved })}</Notice>}
      {exported.error ? <ErrorAlert error={exported.error} /> : null}
      {verifier.error ? <ErrorAlert error={verifier.error} /> : null}
      {imported && <ImportSummary result={imported} />}

      <h3 className="subsection-title">{t('certificatesUi.trust.officesTitle')}</h3>
      <DataTable
        rows={offices}
        caption={t('certificatesUi.trust.officesTitle')}
        rowKey={(o) => o.code}
        className="trust-offices"
        columns={[
          {
            key: 'office', header: t('certificatesUi.trust.office'), rowHeader: true,
            cell: (o) => <>{o.name} {o.own && <span className="badge badge-pending">{t('certificatesUi.trust.own')}</span>}<span className="cell-sub mono">{o.code}</span></>,
          },
          { key: 'kind', header: t('certificatesUi.trust.kind'), cell: (o) => t(`certificatesUi.trust.kinds.${o.kind}`) },
          {
            key: 'keys', header: t('certificatesUi.trust.keys'),
            cell: (o) => t('certificatesUi.trust.keyCounts', { active: o.keys.filter((k) => k.status === 'active').length, retired: o.keys.filter((k) => k.status === 'retired').length }),
          },
          { key: 'revocations', header: t('certificatesUi.trust.revocations'), num: true, cell: (o) => o.revocations },
        ]}
      />
      {importing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onDone={(r) => {
            setImporting(false);
            setImported(r);
            onImported();
          }}
        />
      )}
    </section>
  );
}

/** What an import brought: the offices and their new keys, the new revocations. */
export function ImportSummary({ result }: { result: ImportPreview }) {
  const { t } = useTranslation();
  const newKeys = result.offices.reduce((a, o) => a + o.newKeys, 0);
  return (
    <div className="notice import-summary" role="status">
      <p>
        <strong>{t('certificatesUi.trust.importedTitle', { name: result.signer.name })}</strong>{' '}
        {t('certificatesUi.trust.importedCounts', { offices: result.offices.length, keys: newKeys, revocations: result.newRevocations })}
      </p>
      {result.offices.length > 0 && (
        <ul>
          {result.offices.map((o) => (
            <li key={o.code}>{t('certificatesUi.trust.importedOffice', { name: o.name, code: o.code, keys: o.newKeys, retired: o.retiredKeys })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Impor: the file is checked first (a dry run). A signer whose key is new here is shown with its
 * fingerprint in large type, to compare with the printed card from that office before importing.
 */
export function ImportDialog({ onClose, onDone }: { onClose(): void; onDone(r: ImportPreview): void }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [missing, setMissing] = useState(false);
  const { busy, error, run, clear } = useRun();

  const check = async () => {
    clear();
    const chosen = inputRef.current?.files?.[0];
    setMissing(!chosen);
    if (!chosen) {
      inputRef.current?.focus();
      return;
    }
    const data = { fileName: chosen.name, dataBase64: await readBase64(chosen) };
    const r = await run('check', () => api['trust.import']({ ...data, confirm: false }));
    if (!r) return;
    setFile(data);
    setPreview(r);
  };

  const confirm = async () => {
    if (!file) return;
    const r = await run('confirm', () => api['trust.import']({ ...file, confirm: true }));
    if (r) onDone(r);
  };

  if (preview && file) {
    return (
      <Modal key="confirm" title={t(preview.needsConfirmation ? 'certificatesUi.trust.confirmTitle' : 'certificatesUi.trust.reviewTitle')} onClose={onClose} size="medium" initialFocus="[data-confirm]">
        <div className="trust-confirm">
          <p>{t(preview.needsConfirmation ? 'certificatesUi.trust.confirmIntro' : 'certificatesUi.trust.reviewIntro')}</p>
          <dl className="readonly-list trust-signer">
            <div><dt>{t('certificatesUi.trust.signer')}</dt><dd className="trust-signer-name">{preview.signer.name}</dd></div>
            <div><dt>{t('certificatesUi.trust.code')}</dt><dd className="mono trust-signer-code">{preview.signer.office}</dd></div>
          </dl>
          <p className="print-label">{t('certificatesUi.trust.fingerprint')}</p>
          <Fingerprint value={preview.signer.fingerprint} className="fingerprint-large" />
          {preview.needsConfirmation && (
            <p className="alert alert-warning trust-compare"><strong>{t('certificatesUi.trust.compare')}</strong> {t('certificatesUi.trust.compareMore')}</p>
          )}
          <p className="form-note">
            {t('certificatesUi.trust.contents', { offices: preview.offices.length, keys: preview.offices.reduce((a, o) => a + o.newKeys, 0), revocations: preview.newRevocations })}
          </p>
          {preview.offices.length > 0 && (
            <ul className="trust-contents">
              {preview.offices.map((o) => (
                <li key={o.code}>
                  {o.name} <span className="mono muted">({o.code})</span>
                  {o.refused && <span className="muted"> — {t('certificatesUi.trust.refusedOffice')}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="form-actions">
          <button type="button" data-confirm="" className="btn btn-primary" aria-busy={busy !== null || undefined} onClick={() => void confirm()}>
            {busy ? t('certificatesUi.trust.importing') : t(preview.needsConfirmation ? 'certificatesUi.trust.confirm' : 'certificatesUi.trust.importNow')}
          </button>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal key="file" title={t('certificatesUi.trust.importTitle')} onClose={onClose}>
      <p className="form-note">{t('certificatesUi.trust.importNote')}</p>
      <div className={`field${missing ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('certificatesUi.trust.importFile')}</label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          onChange={() => setMissing(false)}
        />
        {missing && <p className="field-error" id={`${id}-error`}>{t('validation.required')}</p>}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" aria-busy={busy !== null || undefined} onClick={() => void check()}>
          {busy ? t('certificatesUi.trust.checking') : t('certificatesUi.trust.check')}
        </button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}
