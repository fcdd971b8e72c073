import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TabProps } from '../events/EventPage.tsx';
import { EventFollowups } from './EventFollowups.tsx';
import { ReactionPart } from './ReactionPart.tsx';
import { ScoresPart } from './ScoresPart.tsx';

const PARTS = ['reaction', 'learning', 'behaviour'] as const;
type Part = (typeof PARTS)[number];

// The part last opened, per event, survives a visit to another tab (memory only).
const remembered = new Map<string, Part>();

/**
 * `#/kegiatan/<id>/evaluasi`: the event's evaluation by level — the participants' reaction
 * (questionnaire), their learning (pre/post test) and the supervisors' follow-up.
 */
export function EventEvaluationTab({ event }: TabProps) {
  const { t } = useTranslation();
  const [part, setPartState] = useState<Part>(remembered.get(event.id) ?? 'reaction');
  const setPart = (p: Part) => {
    remembered.set(event.id, p);
    setPartState(p);
  };
  return (
    <div className="evaluation-tab">
      <div className="segmented evaluation-parts" role="group" aria-label={t('evaluationUi.parts.label')}>
        {PARTS.map((p) => (
          <button key={p} type="button" className="segment" aria-pressed={part === p} onClick={() => setPart(p)}>
            {t(`evaluationUi.parts.${p}`)}
          </button>
        ))}
      </div>
      {part === 'reaction' && <ReactionPart event={event} />}
      {part === 'learning' && <ScoresPart event={event} />}
      {part === 'behaviour' && <EventFollowups event={event} />}
    </div>
  );
}
