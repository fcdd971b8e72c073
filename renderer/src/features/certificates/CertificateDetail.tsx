import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { CertificateRow, VerifyOutput } from '../../../../shared/contract/certificates.ts';
import { api } from '../../api.ts';
import { setFlash, takeFlash, type Flash } from '../../app/flash.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState } from '../../components/feedback.tsx';
import { MessageLine, type ListMessage } from '../../components/list.tsx';
import { currentLanguage } from '../../i18n.ts';
import { FlashNotice } from '../employees/FlashNotice.tsx';
import { figure } from '../trainings/format.ts';
import { useDownload, useRun } from '../trainings/ui.tsx';
import { ReplaceDialog, RevokeDialog } from './dialogs.tsx';
import { dateText, nipText, roleWord, statusBadge } from './format.ts';
import { Fact, VerifyResultPanel } from './VerifyResult.tsx';

/** `#/sertifikat/<id>`: one certificate as it was issued, where it stands, and what can be done with it. */
export function CertificateDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const cert = useLoader(() => api['certificates.get']({ id }), [id]);
  const [dialog, setDialog] = useState<'revoke' | 'replace' | null>(null);
  const [message, setMessage] = useState<ListMessage>(null);
  const [flash] = useState<Flash | null>(() => takeFlash());
  const pdf = useDownload();
  const check = useRun();
  const [verified, setVerified] = useState<VerifyOutput | null>(null);
  const admin = user.role === 'admin';

  return (
    <LoadState loader={cert}>
      {(c) => {
        const badge = statusBadge(t, c);
        return (
          <div className="stack">
            {flash && <FlashNotice flash={flash} />}
            <section className="card" aria-labelledby="cert-title">
              <div className="card-head">
                <h2 id="cert-title">
                  {t('certificatesUi.detail.title', { number: c.number })} <span className={badge.className}>{badge.text}</span>
                </h2>
                <div className="row-actions">
                  <button type="button" className="btn" aria-busy={pdf.busy !== null || undefined} onClick={() => void pdf.download('pdf', () => api['certificates.pdf']({ id: c.id }))}>
                    {pdf.busy ? t('recapUi.preparing') : t('certificatesUi.actions.pdf')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    aria-busy={check.busy !== null || undefined}
                    onClick={async () => {
                      setVerified(null);
                      const r = await check.run('verify', () => api['certificates.verify']({ text: c.code }));
                      if (r) setVerified(r);
                    }}
                  >
                    {t('certificatesUi.actions.verify')}
                  </button>
                  {admin && c.status === 'sah' && (
                    <>
                      <button type="button" className="btn" onClick={() => { setMessage(null); setDialog('replace'); }}>{t('certificatesUi.actions.replace')}</button>
                      <button type="button" className="btn btn-danger" onClick={() => { setMessage(null); setDialog('revoke'); }}>{t('certificatesUi.actions.revoke')}</button>
                    </>
                  )}
                </div>
              </div>
              {pdf.saved && <p className="notice" role="status">{t('recapUi.downloaded', { fileName: pdf.saved })}</p>}
              {pdf.error ? <ErrorAlert error={pdf.error} /> : null}
              <MessageLine message={message} />
              {c.status === 'dicabut' && (
                <div className="alert alert-warning cert-revoked-note">
                  <p className="alert-title">{t('certificatesUi.detail.revokedOn', { date: dateText(c.revokedOn, lang) })}</p>
                  <p>{t('certificatesUi.verify.reason')} {c.revokeReason || '—'}</p>
                  {c.replacedById && (
                    <p>
                      {t('certificatesUi.detail.replacedBy')}{' '}
                      <Link href={`/sertifikat/${c.replacedById}`} className="mono">{c.replacedByNumber ?? c.replacedById}</Link>
                    </p>
                  )}
                </div>
              )}
              <dl className="readonly-list cert-facts">
                <Fact term={t('certificatesUi.fields.number')} value={<span className="mono">{c.number}</span>} />
                <Fact term={t('certificatesUi.fields.recipient')} value={c.name} />
                <Fact term={t('field.nip')} value={<span className="mono">{nipText(c.nip)}</span>} />
                <Fact term={t('certificatesUi.fields.role')} value={roleWord(t, c.role)} />
                <Fact term={t('certificatesUi.fields.event')} value={<Link href={`/kegiatan/${c.eventId}/sertifikat`}>{c.eventName}</Link>} />
                <Fact term={t('certificatesUi.fields.jp')} value={t('certificatesUi.fields.jpValue', { jp: figure(c.jp, lang) })} />
                <Fact term={t('certificatesUi.fields.issuedOn')} value={dateText(c.issuedOn, lang)} />
                <Fact term={t('common.status')} value={badge.text} />
                {c.replacesNumber && <Fact term={t('certificatesUi.detail.replaces')} value={<span className="mono">{c.replacesNumber}</span>} />}
                {c.includedReason && <Fact term={t('certificatesUi.detail.included')} value={c.includedReason} />}
                <Fact term={t('certificatesUi.detail.pages')} value={figure(c.pages, lang)} />
                <Fact term={t('certificatesUi.detail.sha256')} value={<span className="mono cert-hash">{c.pdfSha256}</span>} />
              </dl>
              <details className="cert-code">
                <summary>{t('certificatesUi.detail.code')}</summary>
                <p className="form-note">{t('certificatesUi.detail.codeNote')}</p>
                <pre className="mono cert-code-text">{c.code}</pre>
              </details>
            </section>

            {check.error ? <ErrorAlert error={check.error} /> : null}
            {verified && (
              <div aria-live="polite">
                <VerifyResultPanel result={verified} />
              </div>
            )}

            {dialog === 'revoke' && (
              <RevokeDialog
                row={c}
                onClose={() => setDialog(null)}
                onDone={(row) => {
                  setDialog(null);
                  setVerified(null);
                  cert.setData({ ...c, ...row });
                  setMessage({ text: t('certificatesUi.revoke.done', { number: row.number }) });
                }}
              />
            )}
            {dialog === 'replace' && (
              <ReplaceDialog
                row={c}
                onClose={() => setDialog(null)}
                onDone={(row: CertificateRow) => {
                  setDialog(null);
                  setFlash({ message: ['certificatesUi.replace.done', { old: c.number, number: row.number }] });
                  navigate(`/sertifikat/${row.id}`);
                }}
              />
            )}
          </div>
        );
      }}
    </LoadState>
  );
}
