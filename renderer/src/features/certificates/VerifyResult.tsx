import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { VerifyOutput } from '../../../../shared/contract/certificates.ts';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { dateText, nipText, roleWord } from './format.ts';

/** The claims as the code carries them (types.ts CertificateClaims), read loosely: the contract passes a record. */
interface Claims {
  office?: string;
  number?: string;
  nip?: string;
  name?: string;
  role?: string;
  event?: string;
  start?: string;
  end?: string;
  jp?: number;
  issued?: string;
}

interface Revocation {
  revokedOn?: string;
  reason?: string;
  replacedBy?: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function claimsOf(result: VerifyOutput): Claims | null {
  const c = result.certificate;
  if (!c) return null;
  return {
    office: str(c.office), number: str(c.number), nip: str(c.nip), name: str(c.name), role: str(c.role),
    event: str(c.event), start: str(c.start), end: str(c.end), jp: typeof c.jp === 'number' ? c.jp : undefined, issued: str(c.issued),
  };
}

const TONE: Record<VerifyOutput['status'], string> = {
  valid: 'verify-valid',
  revoked: 'verify-revoked',
  tampered: 'verify-tampered',
  unknown_issuer: 'verify-unknown',
  malformed: 'verify-malformed',
};

const ICON: Record<VerifyOutput['status'], string> = {
  valid: '✓',
  revoked: '⚠',
  tampered: '✗',
  unknown_issuer: '?',
  malformed: '✗',
};

/**
 * The answer to a check, in colour and in words (never colour alone): Sah, Dicabut, Tidak sah,
 * Penerbit tidak dikenal, Bukan kode sertifikat; what the code says, as signed or as merely read.
 */
export function VerifyResultPanel({ result, headingLevel = 2 }: { result: VerifyOutput; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const claims = claimsOf(result);
  const rev = (result.revocation ?? null) as Revocation | null;
  const noQr = result.read && !result.read.ok;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const status = result.status;

  let explain: ReactNode;
  if (noQr) explain = <p>{t('certificatesUi.verify.noQr', { reason: t(`certificatesUi.verify.readReasons.${result.read?.reason ?? 'no_qr'}`, { defaultValue: result.read?.reason ?? '' }) })}</p>;
  else if (status === 'valid') explain = <p>{t('certificatesUi.verify.validText', { issuer: result.issuer?.name ?? '' })}</p>;
  else if (status === 'revoked') {
    explain = (
      <>
        <p>{t('certificatesUi.verify.revokedText', { date: dateText(str(rev?.revokedOn), lang), issuer: result.issuer?.name ?? '' })}</p>
        <p className="verify-reason"><strong>{t('certificatesUi.verify.reason')}</strong> {str(rev?.reason) || '—'}</p>
        {rev?.replacedBy && <p>{t('certificatesUi.verify.replacedBy', { number: rev.replacedBy })}</p>}
      </>
    );
  } else if (status === 'tampered') explain = <p>{t('certificatesUi.verify.tamperedText')}</p>;
  else if (status === 'unknown_issuer') explain = <p>{t('certificatesUi.verify.unknownText', { office: claims?.office ?? '—' })}</p>;
  else {
    explain = (
      <>
        <p>{t('certificatesUi.verify.malformedText')}</p>
        {result.stage && (
          <p className="verify-stage">
            <strong>{t('certificatesUi.verify.failedStep')}</strong> {t(`certificatesUi.verify.stages.${result.stage}`)}
          </p>
        )}
      </>
    );
  }

  // Valid and revoked: the office vouches for these facts. Otherwise they are only what the code says.
  const vouched = status === 'valid' || status === 'revoked';
  const word = noQr ? t('certificatesUi.verify.words.noQr') : t(`certificatesUi.verify.words.${status}`);

  return (
    <section className={`verify-panel ${noQr ? 'verify-noqr' : TONE[status]}`} aria-labelledby="verify-word" data-status={noQr ? 'no_qr' : status}>
      <div className="verify-head">
        <span className="verify-icon" aria-hidden="true">{noQr ? '?' : ICON[status]}</span>
        <Heading id="verify-word" className="verify-word">{word}</Heading>
      </div>
      <div className="verify-explain">{explain}</div>
      {claims && (
        <>
          {!vouched && <p className="verify-untrusted">{t('certificatesUi.verify.untrusted')}</p>}
          <dl className={`readonly-list verify-facts${vouched ? '' : ' verify-facts-untrusted'}`}>
            <Fact term={t('certificatesUi.fields.number')} value={<span className="mono">{claims.number ?? '—'}</span>} />
            <Fact term={t('certificatesUi.fields.recipient')} value={<span className="verify-name">{claims.name ?? '—'}</span>} />
            <Fact term={t('field.nip')} value={<span className="mono">{nipText(claims.nip)}</span>} />
            <Fact term={t('certificatesUi.fields.role')} value={claims.role ? roleWord(t, claims.role) : '—'} />
            <Fact term={t('certificatesUi.fields.event')} value={claims.event ?? '—'} />
            <Fact term={t('certificatesUi.fields.eventDates')} value={claims.start ? (claims.end && claims.end !== claims.start ? `${dateText(claims.start, lang)} – ${dateText(claims.end, lang)}` : dateText(claims.start, lang)) : '—'} />
            <Fact term={t('certificatesUi.fields.jp')} value={claims.jp === undefined ? '—' : t('certificatesUi.fields.jpValue', { jp: figure(claims.jp, lang) })} />
            <Fact term={t('certificatesUi.fields.issuedOn')} value={dateText(claims.issued, lang)} />
            <Fact
              term={t('certificatesUi.fields.issuer')}
              value={result.issuer ? `${result.issuer.name} (${result.issuer.code})` : t('certificatesUi.verify.issuerClaimed', { office: claims.office ?? '—' })}
            />
          </dl>
        </>
      )}
      {result.localId && (
        <p><Link href={`/sertifikat/${result.localId}`}>{t('certificatesUi.verify.openLocal')}</Link></p>
      )}
    </section>
  );
}

/** One row of a `readonly-list`: what (dt) and its value (dd). */
export function Fact({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
