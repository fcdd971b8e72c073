import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDestination } from '../../../../shared/contract/backup.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { freeSpace } from './format.ts';

/** Removable drives first (the backend's order), then Documents and the home folder. */
export function useDestinations() {
  return useLoader(() => api['backup.destinations']({}).then((r) => r.destinations), []);
}

/**
 * The places `backup.destinations` found, as radio buttons that fill the folder field below
 * them (`value` is what the field holds; typing another folder there unselects them all).
 */
export function DestinationChoices({ destinations, value, onPick }: {
  destinations: ReturnType<typeof useDestinations>;
  value: string;
  onPick(path: string): void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const name = useId();
  return (
    <fieldset className="places">
      <legend>{t('backupUi.places.legend')}</legend>
      <LoadState loader={destinations}>
        {(list) => (
          <>
            {!list.some((d) => d.kind === 'removable') && <p className="field-hint">{t('backupUi.places.noRemovable')}</p>}
            <ul className="place-list">
              {list.map((d: BackupDestination) => (
                <li key={d.path}>
                  <label className="choice place">
                    <input type="radio" name={name} value={d.path} checked={value.trim() === d.path} onChange={() => onPick(d.path)} />
                    <span>
                      <span className={`badge ${d.kind === 'removable' ? 'badge-ok' : 'badge-off'}`}>{t(`backupUi.places.${d.kind}`)}</span>{' '}
                      {d.label}
                      <span className="cell-sub">
                        <span className="mono place-path">{d.path}</span>
                        {d.freeBytes !== null && <> · {t('backupUi.places.free', { size: freeSpace(d.freeBytes, lang) })}</>}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <button type="button" className="btn btn-small" onClick={destinations.reload} aria-busy={destinations.loading || undefined}>
              {destinations.loading ? t('backupUi.places.searching') : t('backupUi.places.searchAgain')}
            </button>
          </>
        )}
      </LoadState>
    </fieldset>
  );
}
