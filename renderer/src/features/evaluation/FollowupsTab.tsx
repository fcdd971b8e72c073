import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Followup } from '../../../../shared/contract/evaluation.ts';
import type { Need } from '../../../../shared/contract/programme.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState, Notice } from '../../components/feedback.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { followupState, type FollowupState } from './format.ts';
import { FollowupForm } from './FollowupForm.tsx';
import { FollowupTable, followupFinding } from './FollowupTable.tsx';
import { NeedAdded } from './NeedAdded.tsx';
import { NeedFromFinding } from './NeedFromFinding.tsx';

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
  const [needFor, setNeedFor] = useState<Followup | null>(null);
  const [need, setNeed] = useState<Need | null>(null);
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
        {need && <Notice><NeedAdded need={need} /></Notice>}
        <LoadState loader={followups}>
          {() => (
            <FollowupTable
              rows={rows}
              showEvent
              caption={t('evaluationUi.followup.caption', { state: t(`evaluationUi.followup.states.${state}`) })}
              empty={t(`evaluationUi.followup.empty.${state}`)}
              onFill={(f) => list.edit(f)}
              onNeed={(f) => { setNeed(null); setNeedFor(f); }}
            />
          )}
        </LoadState>
      </ListCard>
      {list.editing && list.editing !== 'new' && (
        <FollowupForm
          followup={list.editing}
          onClose={list.close}
          onSaved={(f) => list.saved(f, t('evaluationUi.followup.saved', { name: f.name }))}
        />
      )}
      {needFor && (
        <NeedFromFinding
          finding={followupFinding(needFor)}
          onClose={() => setNeedFor(null)}
          onDone={(created) => { setNeedFor(null); setNeed(created); }}
        />
      )}
    </div>
  );
}
