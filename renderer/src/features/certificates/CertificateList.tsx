import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CertificateRow } from '../../../../shared/contract/certificates.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { DataTable, type Column } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { PlainSelect, useOfficeYear } from '../trainings/ui.tsx';
import { dateText, nipText, roleWord, statusBadge } from './format.ts';

let remembered: { query: string; year: string } | null = null;

/** Daftar: every certificate of the office, newest first; search by name, NIP or number; a year. */
export function CertificateList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const thisYear = useOfficeYear();
  const [filter, setFilterState] = useState(remembered ?? { query: '', year: '' });
  const setFilter = (patch: Partial<typeof filter>) => setFilterState((f) => (remembered = { ...f, ...patch }));
  // Typing asks again after a short pause, not at every key.
  const [query, setQuery] = useState(filter.query);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter.query), 250);
    return () => clearTimeout(timer);
  }, [filter.query]);
  const list = useLoader(
    () => api['certificates.list']({ query: query.trim(), year: filter.year ? Number(filter.year) : undefined }),
    [query, filter.year],
  );
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const columns: Column<CertificateRow>[] = [
    {
      key: 'name', header: t('certificatesUi.fields.recipient'), rowHeader: true,
      cell: (c) => <><Link href={`/sertifikat/${c.id}`}>{c.name}</Link><span className="cell-sub mono">{nipText(c.nip)}</span></>,
    },
    { key: 'number', header: t('certificatesUi.fields.number'), className: 'mono cert-number', cell: (c) => c.number },
    {
      key: 'event', header: t('certificatesUi.fields.event'),
      cell: (c) => <>{c.eventName}<span className="cell-sub">{roleWord(t, c.role)} · {dateText(c.issuedOn, lang)}</span></>,
    },
    {
      key: 'status', header: t('common.status'),
      cell: (c) => {
        const b = statusBadge(t, c);
        return <><span className={b.className}>{b.text}</span>{c.status === 'dicabut' && c.revokedOn && <span className="cell-sub">{dateText(c.revokedOn, lang)}</span>}</>;
      },
    },
  ];

  return (
    <>
      <div className="list-toolbar" role="search" aria-label={t('certificatesUi.list.filters')}>
        <div className="field field-search">
          <label htmlFor={`${id}-search`}>{t('certificatesUi.list.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={filter.query}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setFilter({ query: e.target.value })}
          />
        </div>
        <PlainSelect label={t('programmeUi.year')} value={filter.year} onChange={(year) => setFilter({ year })}>
          <option value="">{t('certificatesUi.list.allYears')}</option>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </PlainSelect>
      </div>
      {list.data && <p className="list-count" role="status">{t('certificatesUi.list.count', { count: list.data.length, n: list.data.length })}</p>}
      <div className="card card-flush cert-list">
        <DataTable
          loader={list}
          caption={t('certificatesUi.list.caption')}
          columns={columns}
          rowClassName={(c) => (c.status === 'dicabut' ? 'row-revoked' : undefined)}
          empty={filter.query || filter.year ? t('certificatesUi.list.noneFound') : t('certificatesUi.list.empty')}
        />
      </div>
    </>
  );
}
