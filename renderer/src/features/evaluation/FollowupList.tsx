import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Followup } from '../../../../shared/contract/evaluation.ts';
import type { Need } from '../../../../shared/contract/programme.ts';
import type { Loaded } from '../../app/useLoader.ts';
import { LoadState, Notice } from '../../components/feedback.tsx';
import type { CrudList } from '../../components/list.tsx';
import { FollowupForm } from './FollowupForm.tsx';
import { FollowupTable, followupFinding } from './FollowupTable.tsx';
import { NeedAdded } from './NeedAdded.tsx';
import { NeedFromFinding } from './NeedFromFinding.tsx';

/**
 * Follow-ups with what is done to them, the same for an event's and for every event's: "Isi"
 * opens the form (what is saved replaces its row and is said on the list), "Jadikan kebutuhan"
 * turns the findings into a need of the programme, said above the table.
 */
export function FollowupList({ followups, list, rows, showEvent, caption, empty }: {
  followups: Loaded<Followup[]>;
  list: CrudList<Followup>;
  /** The follow-ups to show; all those loaded when not given. */
  rows?: Followup[];
  showEvent?: boolean;
  caption: string;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const [needFor, setNeedFor] = useState<Followup | null>(null);
  const [need, setNeed] = useState<Need | null>(null);
  return (
    <>
      {need && <Notice><NeedAdded need={need} /></Notice>}
      <LoadState loader={followups}>
        {(all) => (
          <FollowupTable
            rows={rows ?? all}
            showEvent={showEvent}
            caption={caption}
            empty={empty}
            onFill={(f) => list.edit(f)}
            onNeed={(f) => { setNeed(null); setNeedFor(f); }}
          />
        )}
      </LoadState>
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
    </>
  );
}
