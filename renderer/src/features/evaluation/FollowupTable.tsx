import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Followup } from '../../../../shared/contract/evaluation.ts';
import { followupChange } from '../../../../shared/domain/evaluation.ts';
import { formatDate } from '../../../../shared/domain/dates.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { DataTable, RowButton } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { followupState, meanText } from './format.ts';

/**
 * Follow-ups as a table: the participant, (the event), the state with when it is due or who
 * filled it in, and the mean change; "Isi" opens the form, "Jadikan kebutuhan" takes a finding.
 */
export function FollowupTable({ rows, caption, empty, showEvent, onFill, onNeed }: {
  rows: Followup[];
  caption: string;
  empty: ReactNode;
  showEvent?: boolean;
  onFill(f: Followup): void;
  onNeed(f: Followup): void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <DataTable
      rows={rows}
      caption={caption}
      className="table-compact followup-table"
      empty={empty}
      rowClassName={(f) => (followupState(f) === 'due' ? 'row-due' : undefined)}
      columns={[
        {
          key: 'name',
          header: t('evaluationUi.participant'),
          rowHeader: true,
          cell: (f) => <>{f.name}<span className="cell-sub">{[f.nip ? formatNip(f.nip) : null, f.unit].filter(Boolean).join(' · ') || '—'}</span></>,
        },
        ...(showEvent ? [{
          key: 'event',
          header: t('evaluationUi.followup.event'),
          cell: (f: Followup) => <><Link href={`/kegiatan/${f.eventId}/evaluasi`}>{f.eventName}</Link>{f.eventEndDate && <span className="cell-sub">{t('evaluationUi.followup.ended', { date: formatDate(f.eventEndDate, lang) })}</span>}</>,
        }] : []),
        {
          key: 'state',
          header: t('common.status'),
          cell: (f) => {
            const state = followupState(f);
            return <>
              <span className={`badge badge-followup-${state}`}>{t(`evaluationUi.followup.states.${state}`)}</span>
              <span className="cell-sub">
                {state === 'done' && f.filledDate
                  ? t('evaluationUi.followup.filledOn', { date: formatDate(f.filledDate, lang), name: f.supervisorName })
                  : t(state === 'due' ? 'evaluationUi.followup.dueSince' : 'evaluationUi.followup.dueAt', { date: formatDate(f.dueDate, lang) })}
              </span>
            </>;
          },
        },
        { key: 'change', header: t('evaluationUi.followup.change'), num: true, cell: (f) => meanText(followupChange(f.answers), lang) },
      ]}
      actions={(f) => <>
        <RowButton label={t(f.filledDate ? 'evaluationUi.followup.editNamed' : 'evaluationUi.followup.fillNamed', { name: f.name })} onClick={() => onFill(f)}>
          {t(f.filledDate ? 'common.edit' : 'evaluationUi.followup.fill')}
        </RowButton>
        {f.findings.trim() && (
          <RowButton label={t('evaluationUi.followup.needNamed', { name: f.name })} onClick={() => onNeed(f)}>{t('evaluationUi.makeNeed')}</RowButton>
        )}
      </>}
    />
  );
}

/** "Jadikan kebutuhan" from a follow-up: its findings, for the participant. */
export function followupFinding(f: Followup) {
  const first = f.findings.trim().split(/\r?\n/)[0] ?? '';
  return {
    kind: 'followup' as const,
    eventId: f.eventId,
    id: f.id,
    topic: first,
    notes: `${f.eventName}: ${f.findings.trim()}`,
    employee: f.employeeId ? { id: f.employeeId, name: f.name, nip: f.nip ?? '' } : null,
  };
}
