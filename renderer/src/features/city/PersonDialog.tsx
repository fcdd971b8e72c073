import { useTranslation } from 'react-i18next';
import type { CityAssignment } from '../../../../shared/contract/city.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Modal } from '../../components/Modal.tsx';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { shortGolongan } from '../ledger/ledgerTable.tsx';
import { figure } from '../trainings/format.ts';
import { Figures } from '../trainings/ui.tsx';
import { shortOfficeName } from './format.ts';

/**
 * One person across the city's kecamatan (by NIP): where they work now, where they were before
 * (a transfer between kecamatan is one person with records from both), and the year's JP.
 */
export function PersonDialog({ nip, name, year, onClose }: { nip: string; name: string; year: number; onClose(): void }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  const person = useLoader(() => api['city.person']({ nip, year }), [nip, year]);
  const n = (x: number) => figure(x, lang);
  const when = (a: CityAssignment) => (a.updatedAt ? formatInstant(a.updatedAt, office.timezone, lang) : '—');

  return (
    <Modal title={name} onClose={onClose} size="wide">
      <LoadState loader={person}>
        {(p) => (
          <div className="city-person">
            <dl className="readonly-list city-person-now">
              <div><dt>{t('cityUi.person.nip')}</dt><dd className="mono">{formatNip(p.nip)}</dd></div>
              <div><dt>{t('cityUi.ledger.kecamatan')}</dt><dd>{shortOfficeName(p.current.officeName)} <span className="muted mono">{p.current.officeCode}</span></dd></div>
              <div><dt>{t('ledgerUi.columns.unit')}</dt><dd>{p.current.unit ?? '—'}</dd></div>
              <div><dt>{t('cityUi.person.jabatan')}</dt><dd>{p.current.jabatan ?? '—'}</dd></div>
              <div><dt>{t('cityUi.person.golongan')}</dt><dd>{shortGolongan(p.current.golongan)}</dd></div>
            </dl>
            {p.ledger ? (
              <Figures
                label={t('cityUi.person.jpLabel', { year })}
                className="city-figures"
                items={[
                  { key: 'event', term: t('ledgerUi.columns.eventJp'), value: n(p.ledger.eventJp) },
                  { key: 'external', term: t('ledgerUi.columns.externalJp'), value: n(p.ledger.externalJp) },
                  { key: 'jp', term: t('cityUi.person.jp', { year }), value: n(p.ledger.jp), tone: p.ledger.gap > 0 ? 'late' : 'ok' },
                  { key: 'gap', term: t('ledgerUi.columns.gap'), value: p.ledger.gap > 0 ? n(p.ledger.gap) : t('ledgerUi.columns.reached') },
                ]}
              />
            ) : <p className="muted">{t('cityUi.person.noLedger', { year })}</p>}
            <h3 className="subsection-title">{t('cityUi.person.historyTitle')}</h3>
            <p className="form-note">{t('cityUi.person.historyNote')}</p>
            <DataTable
              rows={p.history}
              caption={t('cityUi.person.historyTitle')}
              className="table-compact city-history"
              rowKey={(a) => `${a.officeCode}:${a.updatedAt ?? ''}:${a.unit ?? ''}`}
              rowClassName={(a) => (a.removed ? 'row-inactive' : undefined)}
              empty={t('cityUi.person.historyEmpty')}
              columns={[
                { key: 'office', header: t('cityUi.ledger.kecamatan'), rowHeader: true, cell: (a) => <>{shortOfficeName(a.officeName)}<span className="cell-sub mono">{a.officeCode}</span></> },
                { key: 'unit', header: t('ledgerUi.columns.unit'), cell: (a) => a.unit ?? '—' },
                { key: 'jabatan', header: t('cityUi.person.jabatan'), cell: (a) => a.jabatan ?? '—' },
                { key: 'golongan', header: t('cityUi.person.golongan'), className: 'nowrap', cell: (a) => shortGolongan(a.golongan) },
                {
                  key: 'when', header: t('cityUi.person.when'),
                  cell: (a) => (
                    <>
                      {when(a)}
                      {a.removed && <span className="cell-sub">{t('cityUi.person.removed')}</span>}
                      {!a.removed && a.officeCode === p.current.officeCode && a.updatedAt === p.current.updatedAt && <span className="cell-sub">{t('cityUi.person.current')}</span>}
                    </>
                  ),
                },
              ]}
            />
          </div>
        )}
      </LoadState>
    </Modal>
  );
}
