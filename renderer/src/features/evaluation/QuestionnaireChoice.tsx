import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventQuestionnaire } from '../../../../shared/contract/evaluation.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { PlainSelect, useDownload, useRun } from '../trainings/ui.tsx';

/**
 * The event's reaction questionnaire: which template and whether forms are anonymous — both
 * fixed once forms are entered, since the answers belong to its items and were given on its
 * terms — and the printed form.
 */
export function QuestionnaireChoice({ eventId, form, onChanged }: { eventId: string; form: EventQuestionnaire; onChanged(form: EventQuestionnaire): void }) {
  const { t } = useTranslation();
  const headId = useId();
  const templates = useLoader(() => api['questionnaires.list']({}), []);
  const [templateId, setTemplateId] = useState(form.templateId ?? '');
  const [anonymous, setAnonymous] = useState(form.anonymous);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useRun();
  const pdf = useDownload();
  const locked = form.responses > 0;
  const changed = templateId !== (form.templateId ?? '') || anonymous !== form.anonymous;

  const apply = async () => {
    setDone(false);
    const updated = await run('apply', () => api['reaction.setForm']({ eventId, ...(templateId ? { templateId } : {}), anonymous }));
    if (updated) {
      setDone(true);
      onChanged(updated);
    }
  };

  return (
    <section className="card" aria-labelledby={headId}>
      <div className="card-head">
        <h2 id={headId}>{t('evaluationUi.reaction.formTitle')}</h2>
        <div className="row-actions">
          <button type="button" className="btn" onClick={() => void pdf.download('pdf', () => api['evaluation.formPdf']({ eventId, kind: 'reaction' }))} aria-busy={pdf.busy !== null || undefined}>
            {pdf.busy ? t('evaluationUi.preparing') : t('evaluationUi.reaction.print')}
          </button>
        </div>
      </div>
      <p className="form-note">
        {t('evaluationUi.reaction.formLine', { name: form.name, scale: form.scale, items: form.items.length, open: form.openQuestions.length })}{' '}
        {form.speakers.length > 0 && t('evaluationUi.reaction.speakersLine', { speakers: form.speakers.join(', ') })}
      </p>
      {locked ? (
        <p className="form-note questionnaire-locked">
          <strong>{form.anonymous ? t('evaluationUi.reaction.isAnonymous') : t('evaluationUi.reaction.isNamed')}</strong>{' '}
          {t('evaluationUi.reaction.locked', { count: form.responses, n: form.responses })}
        </p>
      ) : (
        <div className="inline-form questionnaire-choice">
          <PlainSelect label={t('evaluationUi.reaction.template')} value={templateId} onChange={(v) => { setDone(false); setTemplateId(v); }} className="field-template">
            {!form.templateId && <option value="">{form.name}</option>}
            {(templates.data ?? []).map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
          </PlainSelect>
          <label className="choice choice-inline">
            <input type="checkbox" checked={anonymous} onChange={(e) => { setDone(false); setAnonymous(e.target.checked); }} />
            {t('evaluationUi.reaction.anonymous')}
          </label>
          <button type="button" className="btn btn-primary" disabled={!changed} onClick={() => void apply()} aria-busy={busy !== null || undefined}>
            {busy ? t('common.saving') : t('evaluationUi.reaction.apply')}
          </button>
        </div>
      )}
      {done && <Notice>{t('evaluationUi.reaction.applied')}</Notice>}
      {pdf.saved && <Notice>{t('evaluationUi.downloaded', { fileName: pdf.saved })}</Notice>}
      {error ? <ErrorAlert error={error} /> : null}
      {pdf.error ? <ErrorAlert error={pdf.error} /> : null}
      {templates.error ? <ErrorAlert error={templates.error} /> : null}
    </section>
  );
}
