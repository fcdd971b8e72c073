import { get, useForm, useFormContext, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Followup } from '../../../../shared/contract/evaluation.ts';
import { ApiError } from '../../../../shared/contract/errors.ts';
import { dateInZone } from '../../../../shared/domain/dates.ts';
import { FOLLOWUP_ITEMS, FOLLOWUP_SCALE } from '../../../../shared/domain/evaluation.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { fieldErrorText, toApiError } from '../../components/errors.ts';
import { FormDialog, TextAreaField, TextField } from '../../components/form.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dayDate } from '../trainings/format.ts';

interface Values {
  supervisorName: string;
  supervisorNip: string;
  /** One per FOLLOWUP_ITEMS, in their order: '' or '1'…'4'. */
  answers: { score: string }[];
  findings: string;
  filledDate: string;
}

/**
 * The supervisor's follow-up form typed in from paper (or filled in with the supervisor): who
 * answered, each item 1–4, what they found, and when.
 */
export function FollowupForm({ followup: f, onClose, onSaved }: { followup: Followup; onClose(): void; onSaved(f: Followup): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { office } = useSession();
  const form = useForm<Values>({
    defaultValues: {
      supervisorName: f.supervisorName,
      supervisorNip: f.supervisorNip ? formatNip(f.supervisorNip) : '',
      answers: FOLLOWUP_ITEMS.map((item) => ({ score: String(f.answers?.find((a) => a.item === item.id)?.score ?? '') })),
      findings: f.findings,
      filledDate: f.filledDate ?? dateInZone(new Date(), office.timezone),
    },
  });

  const send = async (v: Values) => {
    const sent = FOLLOWUP_ITEMS.map((item, k) => ({ k, item: item.id, score: v.answers[k]?.score ?? '' })).filter((a) => a.score !== '');
    try {
      return await api['followups.save']({
        id: f.id,
        supervisorName: v.supervisorName,
        supervisorNip: v.supervisorNip.trim() ? v.supervisorNip : null,
        answers: sent.map((a) => ({ item: a.item, score: Number(a.score) })),
        findings: v.findings,
        filledDate: v.filledDate,
      });
    } catch (err) {
      // An answer is named by its item or its place among those sent; the form knows it by its row.
      const e = toApiError(err);
      const issues = e.details?.issues;
      if (e.code !== 'VALIDATION' || !issues) throw e;
      throw new ApiError('VALIDATION', e.message, {
        ...e.details,
        issues: issues.map((issue) => {
          const [head, at] = issue.path;
          if (head !== 'answers' || at === undefined) return issue;
          const k = typeof at === 'number' ? sent[at]?.k : FOLLOWUP_ITEMS.findIndex((item) => item.id === at);
          return k === undefined || k < 0 ? issue : { ...issue, path: ['answers', k, 'score'] };
        }),
      });
    }
  };

  return (
    <FormDialog
      title={t('evaluationUi.followup.formTitle', { name: f.name })}
      note={t('evaluationUi.followup.formNote', { event: f.eventName, due: dayDate(f.dueDate, lang) })}
      size="wide"
      onClose={onClose}
      form={form}
      send={send}
      onDone={onSaved}
      submitLabel={t('evaluationUi.followup.save')}
    >
      <div className="grid-3">
        <TextField name="supervisorName" label={t('evaluationUi.followup.supervisorName')} autoComplete="off" fieldClassName="span-2" />
        <TextField name="supervisorNip" label={t('evaluationUi.followup.supervisorNip')} optional inputMode="numeric" autoComplete="off" />
      </div>
      <div className="followup-items">
        {FOLLOWUP_ITEMS.map((item, k) => (
          <ScoreChoice key={item.id} index={k} text={item.text} need={item.need === true} />
        ))}
        <AnswersError />
      </div>
      <div className="grid-3">
        <TextAreaField name="findings" label={t('evaluationUi.followup.findings')} hint={t('evaluationUi.followup.findingsHint')} optional rows={3} fieldClassName="span-2" />
        <TextField name="filledDate" type="date" label={t('evaluationUi.followup.filledDate')} />
      </div>
    </FormDialog>
  );
}

/** One follow-up item: four choices in a row, their words under the numbers. */
function ScoreChoice({ index, text, need }: { index: number; text: string; need: boolean }) {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<Values>();
  const name = `answers.${index}.score` as const;
  const error = get(formState.errors, name) as FieldError | undefined;
  const labels = need ? 'needScale' : 'scale';
  return (
    <fieldset className={`followup-item${error ? ' field-invalid' : ''}`} aria-invalid={error ? true : undefined}>
      <legend><span className="likert-no">{index + 1}.</span> {text}</legend>
      <div className="followup-choices">
        {Array.from({ length: FOLLOWUP_SCALE }, (_, k) => (
          <label key={k} className="followup-choice">
            <input type="radio" value={String(k + 1)} {...register(name)} />
            <span><strong>{k + 1}</strong> {t(`evaluationUi.followup.${labels}.${k + 1}`)}</span>
          </label>
        ))}
      </div>
      {error?.message && <p className="field-error">{fieldErrorText(t, error.message)}</p>}
    </fieldset>
  );
}

/** A refusal about the answers as a whole ("isi setidaknya satu"). */
function AnswersError() {
  const { t } = useTranslation();
  const { formState } = useFormContext<Values>();
  const message = (formState.errors.answers as FieldError | undefined)?.message;
  return message ? <p className="field-error" role="alert">{fieldErrorText(t, message)}</p> : null;
}
