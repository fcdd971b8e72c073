import { useTranslation } from 'react-i18next';
import type { Area } from '../../../../shared/contract/regions.ts';
import { Loading } from '../../components/feedback.tsx';

/** The 10th character of a village code: 1 = kelurahan, 2 = desa (Kemendagri). */
function villageKind(code: string): 'kelurahan' | 'desa' {
  return code.charAt(9) === '2' ? 'desa' : 'kelurahan';
}

/** The kelurahan/desa of the chosen kecamatan: they become units at setup. */
export function VillageList({ districtName, regionCode, villages, loading }: {
  districtName: string;
  regionCode: string;
  villages: Area[] | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const headingId = 'village-list-title';
  return (
    <section className="villages" aria-labelledby={headingId}>
      <h2 id={headingId} className="villages-title">
        {t('setup.villagesTitle', { name: districtName })}
        <span className="villages-code">{t('setup.regionCode', { code: regionCode })}</span>
      </h2>
      {loading || !villages ? <Loading /> : villages.length === 0 ? (
        <p>{t('setup.villagesNone')}</p>
      ) : (
        <>
          <p className="form-note">{t('setup.villagesNote', { n: villages.length })}</p>
          <ul className="village-list">
            {villages.map((v) => (
              <li key={v.code}>
                <span className="village-name">{v.name}</span>{' '}
                <span className="village-meta">{t(`unitKinds.${villageKind(v.code)}`)} · {v.code}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The kecamatan of the chosen kabupaten/kota: the offices whose data a city office receives. */
export function DistrictList({ regencyName, regencyCode, districts, loading }: {
  regencyName: string;
  regencyCode: string;
  districts: Area[] | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const headingId = 'district-list-title';
  return (
    <section className="villages" aria-labelledby={headingId}>
      <h2 id={headingId} className="villages-title">
        {t('cityUi.setup.districtsTitle', { name: regencyName })}
        <span className="villages-code">{t('setup.regionCode', { code: regencyCode })}</span>
      </h2>
      {loading || !districts ? <Loading /> : (
        <>
          <p className="form-note">{t('cityUi.setup.districtsNote', { n: districts.length })}</p>
          <ul className="village-list">
            {districts.map((d) => (
              <li key={d.code}>
                <span className="village-name">{d.name}</span>{' '}
                <span className="village-meta">{d.code}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
