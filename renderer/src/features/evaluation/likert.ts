import type { EventQuestionnaire } from '../../../../shared/contract/evaluation.ts';
import type { FieldIssue } from '../../../../shared/contract/errors.ts';
import { ASPECTS, speakerKey, type Aspect, type QuestionItem } from '../../../../shared/domain/evaluation.ts';

/** One answer box of a paper form: an item, once per speaker for the narasumber items. */
export interface Slot {
  key: string;
  /** Running number on the screen (1, 2, …). */
  no: number;
  item: QuestionItem;
  speaker: string | null;
}

/** The form's items in groups as the paper has them: by aspect, narasumber once per speaker. */
export interface SlotGroup {
  key: string;
  aspect: Aspect;
  speaker: string | null;
  slots: Slot[];
}

export const slotKey = (item: string, speaker: string | null) => `${item}|${speaker ?? ''}`;

export function slotGroups(q: Pick<EventQuestionnaire, 'items' | 'speakers'>): SlotGroup[] {
  const groups: SlotGroup[] = [];
  let no = 0;
  for (const aspect of ASPECTS) {
    const items = q.items.filter((i) => i.aspect === aspect);
    if (!items.length) continue;
    const speakers: (string | null)[] = aspect === 'narasumber' && q.speakers.length ? q.speakers : [null];
    for (const speaker of speakers) {
      groups.push({
        key: `${aspect}|${speaker ?? ''}`,
        aspect,
        speaker,
        slots: items.map((item) => ({ key: slotKey(item.id, speaker), no: ++no, item, speaker })),
      });
    }
  }
  return groups;
}

/**
 * The answer boxes a refusal of reaction.add is about: by the item (and speaker) named in its
 * parameters, or by the position of the answer sent.
 */
export function slotsOfIssue(issue: FieldIssue, sent: readonly { item: string; speaker: string | null }[], slots: readonly Slot[]): Slot[] {
  const params = issue.params ?? {};
  const item = typeof params.item === 'string' ? params.item : null;
  if (item) {
    const speaker = typeof params.speaker === 'string' ? speakerKey(params.speaker) : null;
    return slots.filter((s) => (s.item.id === item || s.item.text === item) && (speaker === null || (s.speaker !== null && speakerKey(s.speaker) === speaker)));
  }
  const [head, at] = issue.path;
  if (head === 'answers' && typeof at === 'number') {
    const a = sent[at];
    return a ? slots.filter((s) => s.item.id === a.item && (a.speaker === null ? s.speaker === null : s.speaker !== null && speakerKey(s.speaker) === speakerKey(a.speaker))) : [];
  }
  if (head === 'answers' && typeof at === 'string') return slots.filter((s) => s.item.id === at);
  return [];
}
