import { useId, useRef, useState, type ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { FieldFrame } from '../../components/form.tsx';

export interface PickedEmployee {
  id: string;
  name: string;
  nip: string;
}

/**
 * A form field holding an employee id, chosen by typing a name or part of a NIP: a combobox
 * whose list (employees.list) is walked with the arrows and picked with Enter.
 */
export function EmployeePickerField({ name, label, hint, initial }: { name: string; label: ReactNode; hint?: ReactNode; initial: PickedEmployee | null }) {
  const { t } = useTranslation();
  const { field } = useController({ name });
  const [chosen, setChosen] = useState<PickedEmployee | null>(initial);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const listId = useId();
  const found = useLoader(
    () => (query.trim() ? api['employees.list']({ search: query, status: 'aktif', limit: 8 }) : Promise.resolve(null)),
    [query],
  );
  const options = found.data?.items ?? [];
  const expanded = open && !chosen && query.trim() !== '';

  const choose = (e: { id: string; displayName: string; nip: string }) => {
    const picked = { id: e.id, name: e.displayName, nip: e.nip };
    setChosen(picked);
    field.onChange(picked.id);
    setOpen(false);
    setQuery('');
  };

  const change = () => {
    setChosen(null);
    field.onChange('');
    setTimeout(() => inputRef.current?.focus(), 0);
  };

  return (
    <FieldFrame name={name} label={label} hint={hint ?? t('programmeUi.picker.hint')}>
      {(a11y) => (
        <div className="picker">
          {chosen ? (
            <div className="picker-chosen">
              <input {...a11y} ref={(el) => { inputRef.current = el; field.ref(el); }} readOnly value={chosen.nip ? `${chosen.name} — ${formatNip(chosen.nip)}` : chosen.name} className="readonly-input" />
              <button type="button" className="btn btn-small" onClick={change}>{t('programmeUi.picker.change')}</button>
            </div>
          ) : (
            <input
              {...a11y}
              ref={(el) => { inputRef.current = el; field.ref(el); }}
              type="search"
              role="combobox"
              autoComplete="off"
              spellCheck={false}
              aria-expanded={expanded}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={expanded && options[active] ? `${listId}-${active}` : undefined}
              value={query}
              onChange={(e) => { setQuery(e.target.value); setOpen(true); setActive(0); }}
              onBlur={() => { setTimeout(() => setOpen(false), 150); field.onBlur(); }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' && options.length) {
                  e.preventDefault();
                  setOpen(true);
                  setActive((a) => Math.min(a + 1, options.length - 1));
                } else if (e.key === 'ArrowUp' && options.length) {
                  e.preventDefault();
                  setActive((a) => Math.max(a - 1, 0));
                } else if (e.key === 'Enter') {
                  // Enter picks; it never submits the form half-filled.
                  e.preventDefault();
                  if (expanded && options[active]) choose(options[active]);
                } else if (e.key === 'Escape' && expanded) {
                  e.preventDefault();
                  e.stopPropagation();
                  setOpen(false);
                }
              }}
            />
          )}
          {expanded && (
            <ul className="picker-list" role="listbox" id={listId} aria-label={t('programmeUi.picker.results')}>
              {options.length === 0 ? (
                <li className="picker-empty" role="option" aria-selected={false} aria-disabled>{found.loading ? t('common.loading') : t('programmeUi.picker.none')}</li>
              ) : options.map((o, i) => (
                <li
                  key={o.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'picker-option picker-active' : 'picker-option'}
                  onMouseDown={(e) => { e.preventDefault(); choose(o); }}
                >
                  <span className="picker-name">{o.displayName}</span>
                  <span className="picker-meta mono">{formatNip(o.nip)}</span>
                  {o.unit && <span className="picker-meta">{o.unit}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </FieldFrame>
  );
}
