import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { NotFound } from '../features/placeholder/NotFound.tsx';
import { EmployeeList } from '../features/employees/EmployeeList.tsx';
import { EmployeeCreate } from '../features/employees/EmployeeCreate.tsx';
import { EmployeeDetail } from '../features/employees/EmployeeDetail.tsx';
import { RosterImport } from '../features/roster-import/RosterImport.tsx';
import { ProgrammePage } from '../features/programme/ProgrammePage.tsx';
import { EventList } from '../features/events/EventList.tsx';
import { EventPage } from '../features/events/EventPage.tsx';
import { DoorScreen } from '../features/attendance/DoorScreen.tsx';
import { PaperEntry } from '../features/attendance/PaperEntry.tsx';
import { OfficeLogo } from '../features/settings/OfficeLogo.tsx';
import { CertificatesArea } from '../features/certificates/CertificatesArea.tsx';
import { ACCOUNT_PATH, areasFor } from './areas.ts';
import { useSession } from './session.tsx';
import { Loading } from '../components/feedback.tsx';

// Areas loaded when first opened, so the first screen stays small.
const EvaluationArea = lazy(() => import('../features/evaluation/EvaluationArea.tsx').then((m) => ({ default: m.EvaluationArea })));
const LedgerArea = lazy(() => import('../features/ledger/LedgerArea.tsx').then((m) => ({ default: m.LedgerArea })));
const KirimDataArea = lazy(() => import('../features/batches/KirimDataArea.tsx').then((m) => ({ default: m.KirimDataArea })));
// A city office (BKPSDM) has its own areas and none of the kecamatan's.
const CityArea = lazy(() => import('../features/city/CityArea.tsx').then((m) => ({ default: m.CityArea })));

function isCurrent(location: string, path: string): boolean {
  return path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);
}

/** Header (office, user, language, logout), side navigation, and the current area. */
export function AppShell() {
  const { t } = useTranslation();
  const { user, office, logout } = useSession();
  const [location] = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After moving to another area, focus its heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A screen built around one input (the NIP scanner at the door) keeps the focus it asked for.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.dataset.keepFocus !== undefined && mainRef.current?.contains(active)) return;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [location]);

  const city = office.kind === 'kota';
  const areas = areasFor(office.kind).filter((a) => !a.adminOnly || user.role === 'admin');

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t('shell.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <OfficeLogo className="brand-logo" />
          <div>
            <p className="brand-name">{t('app.name')}</p>
            <p className="brand-office" title={office.name}>{office.name}</p>
          </div>
        </div>
        <div className="topbar-tools">
          <p className="whoami">
            <span className="whoami-name" title={user.fullName}>{user.fullName}</span>
            <span className={`badge badge-${user.role}`}>{t(`roles.${user.role}`)}</span>
          </p>
          <LanguageSwitch />
          <Link href={ACCOUNT_PATH} className="btn btn-quiet" aria-current={location === ACCOUNT_PATH ? 'page' : undefined}>
            {t('shell.account')}
          </Link>
          <button type="button" className="btn" onClick={() => void logout()}>{t('shell.logout')}</button>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label={t('shell.mainNav')}>
          <ul>
            {areas.map((area) => (
              <li key={area.key}>
                <Link href={area.path} aria-current={isCurrent(location, area.path) ? 'page' : undefined}>
                  {t(`areas.${area.key}.title`)}
                </Link>
              </li>
            ))}
          </ul>
          <p className="sidenav-foot">{t('app.tagline')}</p>
        </nav>
        <main id="main" className="content" ref={mainRef} tabIndex={-1}>
          <Switch>
            {/* A city office answers every path with its own areas (Pengaturan and Akun saya among them). */}
            {city && <Route><Suspense fallback={<Loading />}><CityArea /></Suspense></Route>}
            <Route path="/"><HomePage /></Route>
            <Route path="/pegawai"><EmployeeList /></Route>
            <Route path="/pegawai/baru"><EmployeeCreate /></Route>
            <Route path="/pegawai/impor"><RosterImport /></Route>
            <Route path="/pegawai/:id">{(params) => <EmployeeDetail key={params.id} />}</Route>
            <Route path="/program/:tab?"><ProgrammePage /></Route>
            <Route path="/kegiatan"><EventList /></Route>
            <Route path="/kegiatan/:id/sesi/:sessionId/hadir">{(params) => <DoorScreen key={params.sessionId} />}</Route>
            <Route path="/kegiatan/:id/sesi/:sessionId/kertas">{(params) => <PaperEntry key={params.sessionId} />}</Route>
            <Route path="/kegiatan/:id/:tab?">{(params) => <EventPage key={params.id} />}</Route>
            <Route path="/evaluasi/:part?"><Suspense fallback={<Loading />}><EvaluationArea /></Suspense></Route>
            <Route path="/capaian/:part?"><Suspense fallback={<Loading />}><LedgerArea /></Suspense></Route>
            <Route path="/kirim-data/:part?"><Suspense fallback={<Loading />}><KirimDataArea /></Suspense></Route>
            <Route path="/sertifikat/:part?"><CertificatesArea /></Route>
            <Route path="/pengaturan/:section?"><SettingsPage /></Route>
            <Route path={ACCOUNT_PATH}><AccountPage /></Route>
            <Route><NotFound /></Route>
          </Switch>
        </main>
      </div>
    </div>
  );
}
