import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { Page, SubNav } from '../../components/Page.tsx';
import { CertificateDetail } from './CertificateDetail.tsx';
import { CertificateList } from './CertificateList.tsx';
import { VerifyPage } from './VerifyPage.tsx';

/**
 * `#/sertifikat`: the office's certificates (Daftar), one certificate (`/sertifikat/<id>`), and
 * Periksa (`/sertifikat/periksa`), where any office's certificate code is checked.
 */
export function CertificatesArea() {
  const { t } = useTranslation();
  const { part = '' } = useParams<{ part?: string }>();
  const verifying = part === 'periksa';
  return (
    <Page title={t('areas.certificates.title')} intro={t(verifying ? 'certificatesUi.verify.intro' : 'certificatesUi.list.intro')}>
      <SubNav
        label={t('certificatesUi.sections')}
        items={[
          { key: 'list', href: '/sertifikat', label: t('certificatesUi.tabs.list'), current: !verifying },
          { key: 'verify', href: '/sertifikat/periksa', label: t('certificatesUi.tabs.verify'), current: verifying },
        ]}
      />
      <div className="subpage">
        {verifying ? <VerifyPage /> : part ? <CertificateDetail key={part} id={part} /> : <CertificateList />}
      </div>
    </Page>
  );
}
