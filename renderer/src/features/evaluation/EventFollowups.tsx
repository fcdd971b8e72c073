import { useTranslation } from 'react-i18next';
import type { Followup } from '../../../../shared/contract/evaluation.ts';
import type { Event } from '../../../../shared/contract/events.ts';
import { addMonths } from '../../../../shared/domain/evaluation.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dayDate } from '../trainings/format.ts';
import { useDownload, useRun } from '../trainings/ui.tsx';
import { FollowupList } from './FollowupList.tsx';

/**
 * Level 3 of an event: the supervisors' follow-ups of those who completed it, due some months
 * after the last session (a setting), scheduled once the event is marked finished.
 */
export function EventFollowups({ event }: { event: Event }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const followups = useLoader(() => api['followups.list']({ eventId: event.id, state: 'all' }), [event.id]);
  const rules = useLoader(() => api['rules.get']({}), []);
  const list = useCrudList<Followup>(followups);
  const { busy, error, run } = useRun();
  const pdf = useDownload();
  const finished = event.status === 'selesai';
  const months = rules.data?.followupMonths;
  const due = event.endDate && months ? addMonths(event.endDate, months) : null;

  const schedule = async () => {
    const r = await run('schedule', () => api['followups.schedule']({ eventId: event.id }));
    if (r) {
      followups.reload();
      list.say(t('evaluationUi.followup.scheduled', { created: r.created, existing: r.existing }));
    }
  };

  return (
    <div className="stack">
      <ListCard
        title={t('evaluationUi.followup.eventTitle')}
        actions={<>
          <button type="button" className="btn btn-primary" disabled={!finished} onClick={() => void schedule()} aria-busy={busy !== null || undefined}>
            {busy ? t('common.saving') : t('evaluationUi.followup.schedule')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={!followups.data?.length}
            onClick={() => void pdf.download('pdf', () => api['evaluation.formPdf']({ eventId: event.id, kind: 'followup' }))}
            aria-busy={pdf.busy !== null || undefined}
          >
            {pdf.busy ? t('evaluationUi.preparing') : t('evaluationUi.followup.print')}
          </button>
        </>}
        intro={<>
          {months ? t('evaluationUi.followup.eventIntro', { months }) : null}{' '}
          {due && t('evaluationUi.followup.dueOn', { date: dayDate(due, lang) })}{' '}
          {!finished && <strong>{t('evaluationUi.followup.notFinished')}</strong>}
        </>}
        message={list.message}
      >
        {error ? <ErrorAlert error={error} /> : null}
        {pdf.saved && <Notice>{t('evaluationUi.downloaded', { fileName: pdf.saved })}</Notice>}
        {pdf.error ? <ErrorAlert error={pdf.error} /> : null}
        <FollowupList
          followups={followups}
          list={list}
          caption={t('evaluationUi.followup.eventCaption')}
          empty={finished ? t('evaluationUi.followup.eventEmpty') : t('evaluationUi.followup.eventEmptyNotFinished')}
        />
      </ListCard>
    </div>
  );
}
