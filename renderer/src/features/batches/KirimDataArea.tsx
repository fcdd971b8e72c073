import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import type { BatchExport } from '../../../../shared/contract/batches.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { Page, SubNav } from '../../components/Page.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { BatchList } from './BatchList.tsx';
import { PendingCard } from './PendingCard.tsx';
import { KIRIM_DATA_PATH, SEND_SETTINGS_PATH } from './paths.ts';
import { ReceiptCard } from './ReceiptCard.tsx';
import { SendCard } from './SendCard.tsx';
import { SendSettingsForm } from './SendSettingsForm.tsx';

/**
 * `#/kirim-data`: what waits to be sent to the city's BKPSDM, making the next batch, sending it
 * (upload) or saving it for the USB trip, the batches made and their state, the city's receipts;
 * `#/kirim-data/pengaturan` (admins): the receiver's address and the upload token.
 */
export function KirimDataArea() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { part = '' } = useParams<{ part?: string }>();
  const isAdmin = user.role === 'admin';
  const settings = part === 'pengaturan';
  if (part !== '' && !(settings && isAdmin)) return <NotFound />;

  return (
    <Page title={t('areas.export.title')} intro={t('areas.export.description')}>
      {isAdmin && (
        <SubNav
          label={t('batchesUi.tabsLabel')}
          items={[
            { key: 'batches', href: KIRIM_DATA_PATH, label: t('batchesUi.tabs.batches'), current: !settings },
            { key: 'settings', href: SEND_SETTINGS_PATH, label: t('batchesUi.tabs.settings'), current: settings },
          ]}
        />
      )}
      {settings ? <SendSettingsForm /> : <Batches />}
    </Page>
  );
}

/** The clerk's screen: each card reloads what it changed (what waits, the list) after its action. */
function Batches() {
  const pending = useLoader(() => api['batch.pending']({}), []);
  const batches = useLoader(() => api['batch.list']({}), []);
  const sendSettings = useLoader(() => api['batch.sendSettings']({}), []);
  const [made, setMade] = useState<BatchExport | null>(null);
  const refresh = () => {
    pending.reload();
    batches.reload();
  };

  return (
    <div className="stack batches">
      <PendingCard pending={pending} batches={batches.data} onMade={(r) => { setMade(r); refresh(); }} />
      <SendCard settings={sendSettings} batches={batches.data} onSent={refresh} />
      <BatchList batches={batches} fresh={made && !made.reused ? made.seq : null} />
      <ReceiptCard onImported={refresh} />
    </div>
  );
}
