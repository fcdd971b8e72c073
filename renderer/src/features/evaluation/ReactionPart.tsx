import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReactionResponse } from '../../../../shared/contract/evaluation.ts';
import type { Event } from '../../../../shared/contract/events.ts';
import type { Need } from '../../../../shared/contract/programme.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { LoadState, Notice } from '../../components/feedback.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { ConfirmDialog } from '../trainings/ui.tsx';
import { meanText } from './format.ts';
import { NeedFromFinding, type Finding } from './NeedFromFinding.tsx';
import { NeedAdded } from './NeedAdded.tsx';
import { QuestionnaireChoice } from './QuestionnaireChoice.tsx';
import { ReactionEntry } from './ReactionEntry.tsx';
import { ReactionSummaryView } from './ReactionSummaryView.tsx';

/** Level 1 of an event: its questionnaire, paper forms typed in, the forms entered, the summary. */
export function ReactionPart({ event }: { event: Event }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const form = useLoader(() => api['reaction.form']({ eventId: event.id }), [event.id]);
  const responses = useLoader(() => api['reaction.list']({ eventId: event.id }), [event.id]);
  const summary = useLoader(() => api['reaction.summary']({ eventId: event.id }), [event.id]);
  const anonymous = form.data?.anonymous ?? true;
  const participants = useLoader(() => (anonymous ? Promise.resolve([]) : api['enrolment.list']({ eventId: event.id })), [event.id, anonymous]);
  const list = useCrudList<ReactionResponse>(responses);
  const [finding, setFinding] = useState<Finding | null>(null);
  const [need, setNeed] = useState<Need | null>(null);

  const refresh = () => {
    form.reload();
    responses.reload();
    summary.reload();
  };
  const rows = [...(responses.data ?? [])].sort((a, b) => b.number - a.number);
  const nextNumber = (responses.data ?? []).reduce((n, r) => Math.max(n, r.number), 0) + 1;
  const nameOf = (enrolmentId: string | null) => (enrolmentId ? participants.data?.find((p) => p.id === enrolmentId)?.name ?? t('evaluationUi.forms.named') : t('evaluationUi.forms.anonymous'));
  const meanOf = (r: ReactionResponse) => (r.answers.length ? r.answers.reduce((a, x) => a + x.score, 0) / r.answers.length : null);

  return (
    <div className="stack">
      <LoadState loader={form}>
        {(q) => (
          <>
            <QuestionnaireChoice key={`${q.templateId ?? ''}|${q.anonymous}|${q.responses > 0}`} eventId={event.id} form={q} onChanged={(updated) => form.setData(updated)} />
            <ReactionEntry
              key={`${q.templateId ?? ''}|${q.anonymous}|${q.items.length}|${q.speakers.join('|')}`}
              eventId={event.id}
              questionnaire={q}
              participants={(participants.data ?? []).filter((p) => p.status === 'terdaftar' && !responses.data?.some((r) => r.enrolmentId === p.id))}
              nextNumber={nextNumber}
              onSaved={refresh}
            />
          </>
        )}
      </LoadState>

      <ListCard title={t('evaluationUi.forms.title')} message={list.message}>
        <DataTable
          loader={{ ...responses, data: responses.data ? rows : undefined }}
          caption={t('evaluationUi.forms.caption')}
          className="table-compact"
          empty={t('evaluationUi.forms.empty')}
          columns={[
            { key: 'number', header: t('evaluationUi.forms.number'), num: true, rowHeader: true, cell: (r) => r.number },
            { key: 'who', header: t('evaluationUi.forms.respondent'), cell: (r) => nameOf(r.enrolmentId) },
            { key: 'answers', header: t('evaluationUi.forms.answers'), num: true, cell: (r) => r.answers.length },
            { key: 'mean', header: t('evaluationUi.summary.mean'), num: true, cell: (r) => meanText(meanOf(r), lang) },
            { key: 'comment', header: t('evaluationUi.forms.comments'), className: 'cell-clip', cell: (r) => Object.values(r.comments).filter(Boolean).join(' · ') || '—' },
          ]}
          actions={(r) => (
            <RowButton danger label={t('evaluationUi.forms.removeNamed', { n: r.number })} onClick={() => list.remove(r)}>{t('evaluationUi.remove')}</RowButton>
          )}
        />
      </ListCard>

      {need && <Notice><NeedAdded need={need} /></Notice>}
      <LoadState loader={summary}>
        {(s) => <ReactionSummaryView summary={s} onNeed={(f) => { setNeed(null); setFinding(f); }} />}
      </LoadState>

      {list.removing && (
        <ConfirmDialog
          title={t('evaluationUi.forms.removeTitle', { n: list.removing.number })}
          confirm={t('evaluationUi.forms.removeConfirm')}
          danger
          onClose={list.close}
          action={() => api['reaction.remove']({ id: list.removing!.id })}
          onDone={() => {
            const n = list.removing!.number;
            refresh();
            list.done(t('evaluationUi.forms.removed', { n }));
          }}
        >
          <p>{t('evaluationUi.forms.removeText')}</p>
        </ConfirmDialog>
      )}
      {finding && (
        <NeedFromFinding
          finding={finding}
          onClose={() => setFinding(null)}
          onDone={(created) => { setFinding(null); setNeed(created); }}
        />
      )}
    </div>
  );
}
