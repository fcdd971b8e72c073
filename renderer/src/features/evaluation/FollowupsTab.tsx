import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Followup } from '../../../../shared/contract/evaluation.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { followupState, type FollowupState } from './format.ts';
import { FollowupList } from './FollowupList.tsx';

const STATES: FollowupState[] = ['due', 'upcoming', 'done'];
let rememberedState: FollowupState = 'due';

/**
 * Evaluasi → Tindak lanjut: every event's supervisor follow-ups by state — due (today or
 * past, not yet filled in), coming, done — each filled in from here.
 */
export function FollowupsTab() {
  const { t } = useTranslation();
  const followups = useLoader(() => api['followups.list']({ state: 'all' }), []);
  const list = useCrudList<Followup>(followups);
  const [state, setStateValue] = useState<FollowupState>(rememberedState);
  const setState = (s: FollowupState) => { rememberedState = s; setStateValue(s); };
  const all = followups.data ?? [];
  const count = (s: FollowupState) => all.filter((f) => followupState(f) === s).length;
  // Due first by how long overdue; coming by when; done by when filled in, latest first.
  const rows = all.filter((f) => followupState(f) === state).sort((a, b) => (state === 'done'
    ? (b.filledDate ?? '').localeCompare(a.filledDate ?? '')
    : a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name)));

  return (
    <div className="stack">
      <ListCard title={t('evaluationUi.followup.title')} intro={t('evaluationUi.followup.intro')} message={list.message}>
        <div className="segmented" role="group" aria-label={t('evaluationUi.followup.statesLabel')}>
          {STATES.map((s) => (
            <button key={s} type="button" className="segment" aria-pressed={state === s} onClick={() => setState(s)}>
              {t(`evaluationUi.followup.states.${s}`)}{followups.data ? ` (${count(s)})` : ''}
            </button>
          ))}
        </div>
        <FollowupList
          followups={followups}
          list={list}
          rows={rows}
          showEvent
          caption={t('evaluationUi.followup.caption', { state: t(`evaluationUi.followup.states.${state}`) })}
          empty={t(`evaluationUi.followup.empty.${state}`)}
        />
      </ListCard>
    </div>
  );
}
