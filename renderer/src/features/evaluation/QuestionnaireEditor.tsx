import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LIKERT_ASPECTS, type QuestionnaireTemplate } from '../../../../shared/contract/evaluation.ts';
import type { Aspect } from '../../../../shared/domain/evaluation.ts';
import { api } from '../../api.ts';
import { FormDialog, SelectField, TextField } from '../../components/form.tsx';
import { aspectWord } from './format.ts';

interface Values {
  name: string;
  scale: string;
  /** `itemId` keeps an item's id across edits; new items get one when saved. */
  items: { itemId: string; aspect: Aspect; text: string }[];
  openQuestions: { itemId: string; text: string }[];
}

/** An id for a new item, unique in the questionnaire: its aspect and a number ("materi_5"). */
function newIds<T extends { itemId: string }>(rows: T[], prefix: (row: T) => string): string[] {
  const taken = new Set(rows.map((r) => r.itemId).filter(Boolean));
  return rows.map((r) => {
    if (r.itemId) return r.itemId;
    let n = 1;
    while (taken.has(`${prefix(r)}_${n}`)) n += 1;
    const id = `${prefix(r)}_${n}`;
    taken.add(id);
    return id;
  });
}

/**
 * The office's own questionnaire: name, scale (4 leaves out the fence-sitting middle, 5 has
 * it), Likert items each under an aspect, and open questions. A copy starts from another one.
 */
export function QuestionnaireEditor({ template, copyOf, onClose, onSaved }: {
  template: QuestionnaireTemplate | null;
  copyOf: QuestionnaireTemplate | null;
  onClose(): void;
  onSaved(q: QuestionnaireTemplate, created: boolean): void;
}) {
  const { t } = useTranslation();
  const start = template ?? copyOf;
  const form = useForm<Values>({
    defaultValues: {
      name: template?.name ?? (copyOf ? t('evaluationUi.questionnaires.copyName', { name: copyOf.name }).slice(0, 120) : ''),
      scale: String(start?.scale ?? 4),
      items: start?.items.map((i) => ({ itemId: i.id, aspect: i.aspect, text: i.text })) ?? [{ itemId: '', aspect: 'materi', text: '' }],
      openQuestions: start?.openQuestions.map((o) => ({ itemId: o.id, text: o.text })) ?? [],
    },
  });
  const items = useFieldArray({ control: form.control, name: 'items', keyName: 'key' });
  const open = useFieldArray({ control: form.control, name: 'openQuestions', keyName: 'key' });
  const aspects = LIKERT_ASPECTS.map((a) => ({ value: a, label: aspectWord(t, a) }));

  return (
    <FormDialog
      title={template ? t('evaluationUi.questionnaires.editTitle') : t('evaluationUi.questionnaires.addTitle')}
      note={template ? t('evaluationUi.questionnaires.editNote') : undefined}
      size="wide"
      onClose={onClose}
      form={form}
      send={(v) => {
        const itemIds = newIds(v.items, (i) => i.aspect);
        const openIds = newIds(v.openQuestions, () => 'terbuka');
        return api['questionnaires.save']({
          ...(template ? { id: template.id } : {}),
          name: v.name,
          scale: v.scale === '5' ? 5 : 4,
          items: v.items.map((i, k) => ({ id: itemIds[k]!, aspect: i.aspect, text: i.text })),
          openQuestions: v.openQuestions.map((o, k) => ({ id: openIds[k]!, text: o.text })),
        });
      }}
      onDone={(q) => onSaved(q, !template)}
      submitLabel={template ? t('common.save') : t('evaluationUi.questionnaires.addSubmit')}
    >
      <div className="grid-3">
        <TextField name="name" label={t('evaluationUi.questionnaires.name')} autoComplete="off" fieldClassName="span-2" />
        <SelectField name="scale" label={t('evaluationUi.questionnaires.scale')} options={[4, 5].map((s) => ({ value: String(s), label: t('evaluationUi.questionnaires.scaleOption', { scale: s }) }))} />
      </div>
      <fieldset className="form-group editor-list">
        <legend>{t('evaluationUi.questionnaires.items')}</legend>
        {items.fields.map((f, k) => (
          <div key={f.key} className="editor-row">
            <span className="speaker-n">{k + 1}.</span>
            <SelectField name={`items.${k}.aspect`} label={t('evaluationUi.questionnaires.aspectOf', { n: k + 1 })} options={aspects} fieldClassName="editor-aspect" />
            <TextField name={`items.${k}.text`} label={t('evaluationUi.questionnaires.textOf', { n: k + 1 })} autoComplete="off" fieldClassName="editor-text" />
            <button type="button" className="btn btn-small btn-quiet" aria-label={t('evaluationUi.questionnaires.removeItem', { n: k + 1 })} onClick={() => items.remove(k)} disabled={items.fields.length === 1}>
              {t('evaluationUi.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => items.append({ itemId: '', aspect: items.fields.at(-1)?.aspect ?? 'materi', text: '' }, { shouldFocus: true, focusName: `items.${items.fields.length}.text` })}>
          {t('evaluationUi.questionnaires.addItem')}
        </button>
      </fieldset>
      <fieldset className="form-group editor-list">
        <legend>{t('evaluationUi.questionnaires.open')}</legend>
        {open.fields.map((f, k) => (
          <div key={f.key} className="editor-row editor-row-open">
            <span className="speaker-n">{k + 1}.</span>
            <TextField name={`openQuestions.${k}.text`} label={t('evaluationUi.questionnaires.openOf', { n: k + 1 })} autoComplete="off" fieldClassName="editor-text" />
            <button type="button" className="btn btn-small btn-quiet" aria-label={t('evaluationUi.questionnaires.removeOpen', { n: k + 1 })} onClick={() => open.remove(k)}>
              {t('evaluationUi.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => open.append({ itemId: '', text: '' }, { shouldFocus: true })} disabled={open.fields.length >= 10}>
          {t('evaluationUi.questionnaires.addOpen')}
        </button>
      </fieldset>
    </FormDialog>
  );
}
