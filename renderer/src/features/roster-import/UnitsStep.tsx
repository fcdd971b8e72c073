import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../shared/contract/office.ts';
import type { UnitChoice, UnitMatch, UnknownUnit } from '../../../../shared/contract/roster.ts';
import { exactUnitKey } from '../../../../shared/domain/unit-names.ts';

/** The select's value for "create a unit named as the file writes it" (unit ids are UUIDs). */
const NEW = 'new';

interface Props {
  /** The values the step asks about (still unknown, or chosen here before). */
  asked: readonly UnknownUnit[];
  /** What the preview recognised by itself, explained above the questions. */
  matches: readonly UnitMatch[];
  units: readonly Unit[];
  choices: Readonly<Record<string, UnitChoice>>;
  /** Admins may create a unit; operators map to existing ones. */
  canCreate: boolean;
  onChoice(value: string, choice: UnitChoice | null): void;
}

const choiceValue = (choice: UnitChoice | undefined) => (!choice ? '' : 'create' in choice ? NEW : 'unitId' in choice ? choice.unitId : '');

/**
 * Langkah 3: each unit value of the file that no unit fits, mapped to an existing unit (found by
 * typing part of its name, with the closest ones suggested) or, for an admin, to a new unit.
 */
export function UnitsStep({ asked, matches, units, choices, canCreate, onChoice }: Props) {
  const { t } = useTranslation();
  const active = units.filter((u) => u.active);
  const chosen = asked.filter((a) => choices[a.value]).length;
  return (
    <>
      <p className="form-note">{t('rosterImport.units.intro')} {canCreate ? t('rosterImport.units.adminNew') : null}</p>
      {!canCreate && <p className="alert alert-info">{t('rosterImport.units.operatorNote')}</p>}
      <ul className="unit-choice-list" aria-label={t('rosterImport.units.listLabel')}>
        {asked.map((a) => (
          <UnitQuestion
            key={a.value}
            asked={a}
            units={active}
            value={choiceValue(choices[a.value])}
            canCreate={canCreate && a.candidates.length === 0}
            onChange={(v) => onChoice(a.value, v === '' ? null : v === NEW ? { create: true } : { unitId: v })}
          />
        ))}
      </ul>
      <p className="import-plan" aria-live="polite">{t('rosterImport.units.progress', { chosen, total: asked.length })}</p>
      <UnitMatches matches={matches} />
    </>
  );
}

function UnitQuestion({ asked, units, value, canCreate, onChange }: {
  asked: UnknownUnit; units: readonly Unit[]; value: string; canCreate: boolean; onChange(value: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const query = exactUnitKey(search);
  const suggestions = asked.suggestions.filter((s) => units.some((u) => u.id === s.id));
  // Without a search the suggestions come first, apart; a search looks through every unit. The
  // chosen unit stays in the list whatever the search says.
  const apart = query ? [] : suggestions;
  const shown = units.filter((u) => !apart.some((s) => s.id === u.id) && (!query || exactUnitKey(u.name).includes(query) || u.id === value));
  const best = asked.candidates.length === 0 ? suggestions[0] : undefined;
  const forValue = <span className="visually-hidden"> {t('rosterImport.units.forValue', { value: asked.value })}</span>;
  return (
    <li className={`unit-choice${value ? ' unit-choice-done' : ''}`} role="group" aria-labelledby={`${id}-value`}>
      <div className="unit-choice-value">
        <p className="unit-choice-name" id={`${id}-value`}>“{asked.value}”</p>
        <p className="muted">{t('rosterImport.units.rows', { n: asked.rows })}</p>
        {asked.candidates.length > 0 && (
          <p className="field-hint">{t('rosterImport.units.candidates', { units: asked.candidates.map((c) => c.name).join(', ') })}</p>
        )}
        {best && (
          <p className="unit-choice-suggestion">
            <span>{t('rosterImport.units.suggestion', { unit: best.name })}</span>{' '}
            {value !== best.id && (
              <button
                type="button"
                className="btn btn-small"
                aria-label={t('rosterImport.units.useSuggestionNamed', { unit: best.name, value: asked.value })}
                onClick={() => onChange(best.id)}
              >
                {t('rosterImport.units.useSuggestion')}
              </button>
            )}
          </p>
        )}
      </div>
      <div className="unit-choice-fields">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('rosterImport.units.search')}{forValue}</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('rosterImport.units.unit')}{forValue}</label>
          <select id={`${id}-unit`} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('rosterImport.units.unchosen')}</option>
            {canCreate && <option value={NEW}>{t('rosterImport.units.newUnit', { name: asked.value })}</option>}
            {apart.length > 0 && (
              <optgroup label={t('rosterImport.units.suggestions')}>
                {apart.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </optgroup>
            )}
            <optgroup label={t('rosterImport.units.allUnits')}>
              {shown.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              {shown.length === 0 && <option disabled value="-">{t('rosterImport.units.noMatch', { text: search })}</option>}
            </optgroup>
          </select>
        </div>
      </div>
    </li>
  );
}

/** "Kel. Bagus Kuning" → Baguskuning (nama disamakan): what the import took each spelling for. */
export function UnitMatches({ matches, title = true }: { matches: readonly UnitMatch[]; title?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  if (matches.length === 0) return null;
  return (
    <section className="unit-matches" aria-labelledby={`${id}-title`}>
      <h3 className={title ? 'subsection-title' : 'visually-hidden'} id={`${id}-title`}>{t('rosterImport.units.matchedTitle')}</h3>
      <p className="form-note">{t('rosterImport.units.matchedIntro')}</p>
      <div className="table-wrap">
        <table className="table unit-match-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('rosterImport.units.value')}</th>
              <th scope="col">{t('rosterImport.units.unit')}</th>
              <th scope="col">{t('rosterImport.units.how.label')}</th>
              <th scope="col" className="num">{t('rosterImport.check.row')}</th>
            </tr>
          </thead>
          <tbody>
            {matches.map((m) => (
              <tr key={m.value}>
                <td>{m.value}</td>
                <td><strong>{m.unit}</strong></td>
                <td>{t(`rosterImport.units.how.${m.how}`)}</td>
                <td className="num">{m.rows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matches.some((m) => m.how === 'folded') && <p className="field-hint">{t('rosterImport.units.foldedNote')}</p>}
    </section>
  );
}
