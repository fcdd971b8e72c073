import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RULES, type TrainingRules } from '../../../../shared/contract/rules.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Form, FormFooter, TextField, useSaveForm } from '../../components/form.tsx';
import { numberOrNull } from '../trainings/format.ts';

type RuleValues = Record<keyof TrainingRules, string>;
/** Each rule's field: its label and hint texts under settings.rules. */
const RULE_FIELDS: [keyof TrainingRules, string, string][] = [
  ['graceMinutes', 'graceMinutes', 'graceHint'],
  ['jpTargetPerYear', 'jpTarget', 'jpTargetHint'],
  ['jpTargetPppk', 'jpTargetPppk', 'jpTargetPppkHint'],
  ['followupMonths', 'followupMonths', 'followupMonthsHint'],
];
const toValues = (r: TrainingRules): RuleValues => ({
  graceMinutes: String(r.graceMinutes), jpTargetPerYear: String(r.jpTargetPerYear), jpTargetPppk: String(r.jpTargetPppk), followupMonths: String(r.followupMonths),
});

/** Aturan pelatihan: late-arrival grace, yearly JP targets (PNS, PPPK) and when follow-ups are due. */
export function RulesSettings() {
  const rules = useLoader(() => api['rules.get']({}), []);
  return <LoadState loader={rules}>{(current) => <RulesForm current={current} />}</LoadState>;
}

function RulesForm({ current }: { current: TrainingRules }) {
  const { t } = useTranslation();
  const form = useForm<RuleValues>({ defaultValues: toValues(current) });
  // Sent as typed: the contract's own checks name the field and the allowed range.
  const { onSubmit, alert, saved } = useSaveForm(form, (values) => api['rules.update']({
    graceMinutes: numberOrNull(values.graceMinutes) as number,
    jpTargetPerYear: numberOrNull(values.jpTargetPerYear) as number,
    jpTargetPppk: numberOrNull(values.jpTargetPppk) as number,
    followupMonths: numberOrNull(values.followupMonths) as number,
  }), toValues);

  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('settings.rules.title')}</h2>
      <p className="form-note">{t('settings.rules.intro')}</p>
      <Form form={form} onSubmit={onSubmit}>
        <div className="grid-2">
          {RULE_FIELDS.map(([name, label, hint]) => (
            <TextField key={name} name={name} label={t(`settings.rules.${label}`)} inputMode="numeric" hint={t(`settings.rules.${hint}`, { default: DEFAULT_RULES[name] })} />
          ))}
        </div>
        <FormFooter error={alert} done={saved && t('settings.rules.saved')} submitLabel={t('common.save')} />
      </Form>
    </section>
  );
}
