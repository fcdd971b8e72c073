import { Route, Switch } from 'wouter';
import { ACCOUNT_PATH } from '../../app/areas.ts';
import { AccountPage } from '../account/AccountPage.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { BatchImportPage } from './BatchImportPage.tsx';
import { CityDashboard } from './CityDashboard.tsx';
import { CityLedgerPage } from './CityLedgerPage.tsx';
import { areaPath } from './format.ts';
import { KecamatanPage } from './KecamatanPage.tsx';

/**
 * A city office (BKPSDM kota/kabupaten): Beranda, Kecamatan, Impor kiriman, Capaian JP kota,
 * Pengaturan and the account. The kecamatan's own areas (Pegawai, Kegiatan, Kirim Data…) are
 * not here: their paths are not found.
 */
export function CityArea() {
  return (
    <Switch>
      <Route path="/"><CityDashboard /></Route>
      <Route path={areaPath('kecamatan')}><KecamatanPage /></Route>
      <Route path={areaPath('batchImport')}><BatchImportPage /></Route>
      <Route path={areaPath('cityLedger')}><CityLedgerPage /></Route>
      <Route path={`${areaPath('settings')}/:section?`}><SettingsPage /></Route>
      <Route path={ACCOUNT_PATH}><AccountPage /></Route>
      <Route><NotFound /></Route>
    </Switch>
  );
}
