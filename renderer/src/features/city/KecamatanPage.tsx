import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { trustImportPreview } from '../../../../shared/contract/certificates.ts';
import type { CityKecamatan } from '../../../../shared/contract/city.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ListCard, type ListMessage } from '../../components/list.tsx';
import { Page } from '../../components/Page.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { ImportDialog, ImportSummary } from '../certificates/TrustSettings.tsx';
import { seqList, shortOfficeName } from './format.ts';
import { KeyConfirmDialog } from './KeyConfirmDialog.tsx';
import { UploadTokenDialog } from './UploadTokenDialog.tsx';

type Open = { confirm: CityKecamatan } | { token: CityKecamatan } | { trust: true } | null;

/** The first groups of a fingerprint: what a batch from an untrusted key shows too. */
const shortFingerprint = (f: string) => `${f.split(' ').slice(0, 4).join(' ')} …`;

/**
 * Kecamatan: every kecamatan of the city, its keys, its last batch, what is held or missing, and
 * its upload token. The admin trusts a kecamatan's key (its trust file, or a key a batch carried,
 * once its fingerprint is compared) and issues upload tokens.
 */
export function KecamatanPage() {
  const { t } = useTranslation();
  const { user, office } = useSession();
  const lang = currentLanguage();
  const admin = user.role === 'admin';
  const list = useLoader(() => api['offices.list']({}), []);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<ListMessage>(null);
  const [trusted, setTrusted] = useState<z.infer<typeof trustImportPreview> | null>(null);
  const rows = list.data ?? [];
  const pending = rows.filter((k) => k.pendingKey);
  const sent = rows.filter((k) => k.lastSeq !== null).length;

  const show = (next: Open) => {
    setMessage(null);
    setTrusted(null);
    setOpen(next);
  };

  return (
    <Page
      title={t('areas.kecamatan.title')}
      intro={t('cityUi.kecamatan.intro')}
      actions={admin ? (
        <button type="button" className="btn btn-primary" onClick={() => show({ trust: true })}>{t('cityUi.kecamatan.importTrust')}</button>
      ) : undefined}
    >
      {pending.length > 0 && (
        <p className="alert alert-warning" role="status">
          {t('cityUi.kecamatan.pendingAlert', { count: pending.length, names: pending.map((k) => shortOfficeName(k.name)).join(', ') })}
        </p>
      )}
      {trusted && <ImportSummary result={trusted} />}
      <ListCard
        title={t('cityUi.kecamatan.listTitle', { regency: office.regencyName })}
        intro={list.data ? t('cityUi.kecamatan.count', { count: rows.length, sent }) : undefined}
        message={message}
      >
        <DataTable
          loader={list}
          caption={t('cityUi.kecamatan.caption', { regency: office.regencyName })}
          className="table-compact kecamatan-table"
          rowKey={(k) => k.regionCode}
          rowClassName={(k) => (k.pendingKey ? 'row-attention' : undefined)}
          columns={[
            {
              key: 'name', header: t('cityUi.kecamatan.name'), rowHeader: true,
              cell: (k) => <>{shortOfficeName(k.name)}<span className="cell-sub mono">{k.regionCode}</span></>,
            },
            {
              key: 'keys', header: t('cityUi.kecamatan.keys'),
              cell: (k) => (
                <>
                  {k.fingerprints.length === 0 && !k.pendingKey && <span className="muted">{t('cityUi.kecamatan.noKey')}</span>}
                  {k.fingerprints.map((f) => <span key={f} className="mono kecamatan-fingerprint">{shortFingerprint(f)}</span>)}
                  {k.pendingKey && <span className="badge badge-warn">{t('cityUi.kecamatan.pendingKey')}</span>}
                </>
              ),
            },
            {
              key: 'last', header: t('cityUi.kecamatan.lastBatch'),
              cell: (k) => (k.lastSeq === null ? <span className="muted">{t('cityUi.kecamatan.never')}</span> : (
                <>
                  {t('cityUi.kecamatan.batchNo', { seq: k.lastSeq })}
                  {k.lastImportAt && <span className="cell-sub">{formatInstant(k.lastImportAt, office.timezone, lang)}</span>}
                </>
              )),
            },
            {
              key: 'held', header: t('cityUi.kecamatan.held'),
              cell: (k) => (k.held.length === 0 && !k.missing ? <span className="muted">—</span> : (
                <>
                  {k.missing && <span className="kecamatan-missing">{t('cityUi.kecamatan.missing', { missing: k.missing })}</span>}
                  {k.held.length > 0 && <span className="cell-sub">{t('cityUi.kecamatan.heldSeqs', { count: k.held.length, seqs: seqList(k.held) })}</span>}
                </>
              )),
            },
            {
              key: 'token', header: t('cityUi.kecamatan.token'),
              cell: (k) => (k.uploadToken
                ? <span className="badge badge-ok">{t('cityUi.kecamatan.tokenIssued')}</span>
                : <span className="muted">{t('cityUi.kecamatan.tokenNone')}</span>),
            },
          ]}
          actions={admin ? (k) => (
            <>
              {k.pendingKey && (
                <RowButton label={t('cityUi.kecamatan.confirmNamed', { name: shortOfficeName(k.name) })} onClick={() => show({ confirm: k })}>
                  {t('cityUi.kecamatan.confirm')}
                </RowButton>
              )}
              <RowButton label={t('cityUi.kecamatan.tokenNamed', { name: shortOfficeName(k.name) })} onClick={() => show({ token: k })}>
                {t(k.uploadToken ? 'cityUi.kecamatan.tokenRenew' : 'cityUi.kecamatan.tokenCreate')}
              </RowButton>
            </>
          ) : undefined}
        />
      </ListCard>

      {open && 'trust' in open && (
        <ImportDialog
          onClose={() => setOpen(null)}
          onDone={(r) => {
            setOpen(null);
            setTrusted(r);
            list.reload();
          }}
        />
      )}
      {open && 'confirm' in open && (
        <KeyConfirmDialog
          kecamatan={open.confirm}
          onClose={() => setOpen(null)}
          onConfirmed={() => list.reload()}
        />
      )}
      {open && 'token' in open && (
        <UploadTokenDialog
          kecamatan={open.token}
          onClose={() => setOpen(null)}
          onIssued={() => list.reload()}
        />
      )}
    </Page>
  );
}
