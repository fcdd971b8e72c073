import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ServiceScore } from '../../../../shared/contract/evaluation.ts';
import type { Unit } from '../../../../shared/contract/office.ts';
import type { Need } from '../../../../shared/contract/programme.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { Notice } from '../../components/feedback.tsx';
import { ControlledSelectField, FormDialog, SelectField, TextAreaField, TextField } from '../../components/form.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { dateRange, figure } from '../trainings/format.ts';
import { ConfirmDialog } from '../trainings/ui.tsx';
import { parseScore, scoreInput, scoreText } from './format.ts';
import { NeedAdded } from './NeedAdded.tsx';
import { NeedFromFinding, type Finding } from './NeedFromFinding.tsx';

/**
 * Evaluasi → IKM/SKM: the units' public-satisfaction scores per survey period, and beside each
 * the training its people had in that period — training next to the quality of service.
 */
export function ServiceScoresTab({ year }: { year: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const scores = useLoader(() => api['ikm.list']({ year }), [year]);
  const results = useLoader(() => api['evaluation.results']({ year }), [year]);
  const units = useLoader(() => api['units.list']({}), []);
  const list = useCrudList<ServiceScore>(scores);
  const [finding, setFinding] = useState<Finding | null>(null);
  const [need, setNeed] = useState<Need | null>(null);
  const unitName = (s: { unit: string | null }) => s.unit ?? t('evaluationUi.ikm.wholeOffice');
  const changed = () => {
    scores.reload();
    results.reload();
  };

  return (
    <div className="stack">
      <ListCard
        title={t('evaluationUi.ikm.title', { year })}
        actions={<button type="button" className="btn btn-primary" onClick={() => list.edit('new')}>{t('evaluationUi.ikm.add')}</button>}
        intro={t('evaluationUi.ikm.intro')}
        message={list.message}
      >
        <DataTable
          loader={scores}
          caption={t('evaluationUi.ikm.caption', { year })}
          className="table-compact"
          empty={t('evaluationUi.ikm.empty', { year })}
          columns={[
            { key: 'unit', header: t('evaluationUi.ikm.unit'), rowHeader: true, cell: (s) => unitName(s) },
            { key: 'period', header: t('evaluationUi.ikm.period'), cell: (s) => dateRange(s.periodStart, s.periodEnd, lang) },
            { key: 'kind', header: t('evaluationUi.ikm.kind'), cell: (s) => s.kind },
            { key: 'score', header: t('evaluationUi.ikm.score'), num: true, className: 'cell-strong', cell: (s) => scoreText(s.score, lang) },
            { key: 'respondents', header: t('evaluationUi.ikm.respondents'), num: true, cell: (s) => (s.respondents === null ? '—' : s.respondents) },
            { key: 'notes', header: t('field.notes'), className: 'cell-clip', cell: (s) => s.notes || '—' },
          ]}
          actions={(s) => <>
            <RowButton label={t('evaluationUi.ikm.editNamed', { unit: unitName(s), period: dateRange(s.periodStart, s.periodEnd, lang) })} onClick={() => list.edit(s)}>{t('common.edit')}</RowButton>
            <RowButton danger label={t('evaluationUi.ikm.removeNamed', { unit: unitName(s), period: dateRange(s.periodStart, s.periodEnd, lang) })} onClick={() => list.remove(s)}>{t('evaluationUi.remove')}</RowButton>
          </>}
        />
      </ListCard>

      <ListCard title={t('evaluationUi.results.title', { year })} intro={t('evaluationUi.results.intro')} message={null}>
        {need && <Notice><NeedAdded need={need} /></Notice>}
        <DataTable
          loader={results}
          caption={t('evaluationUi.results.caption', { year })}
          className="table-compact results-table"
          rowKey={(r) => `${r.unitId ?? ''}|${r.kind}|${r.periodStart}|${r.periodEnd}`}
          empty={t('evaluationUi.results.empty', { year })}
          columns={[
            { key: 'unit', header: t('evaluationUi.ikm.unit'), rowHeader: true, cell: (r) => <>{unitName(r)}<span className="cell-sub">{r.kind} · {dateRange(r.periodStart, r.periodEnd, lang)}</span></> },
            { key: 'score', header: t('evaluationUi.ikm.score'), num: true, className: 'cell-strong', cell: (r) => scoreText(r.score, lang) },
            {
              key: 'change',
              header: t('evaluationUi.results.change'),
              num: true,
              cell: (r) => {
                if (r.previousScore === null) return <span className="muted">{t('evaluationUi.results.first')}</span>;
                const d = Math.round((r.score - r.previousScore) * 100) / 100;
                return <span className={d < 0 ? 'gain-down' : d > 0 ? 'gain-up' : undefined}>{scoreText(d, lang, true)}<span className="cell-sub">{t('evaluationUi.results.from', { score: scoreText(r.previousScore, lang) })}</span></span>;
              },
            },
            { key: 'jp', header: t('evaluationUi.results.jp'), num: true, cell: (r) => figure(r.jpTrained, lang) },
            { key: 'people', header: t('evaluationUi.results.people'), num: true, cell: (r) => r.peopleTrained },
            { key: 'trainings', header: t('evaluationUi.results.trainings'), num: true, cell: (r) => r.trainingsHeld },
          ]}
          actions={(r) => (
            <RowButton
              label={t('evaluationUi.results.needNamed', { unit: unitName(r) })}
              onClick={() => {
                setNeed(null);
                setFinding({
                  kind: 'results',
                  topic: t('evaluationUi.results.needTopic', { unit: unitName(r) }),
                  notes: t('evaluationUi.results.needNotes', { kind: r.kind, score: scoreText(r.score, lang), period: dateRange(r.periodStart, r.periodEnd, lang), jp: figure(r.jpTrained, lang), people: r.peopleTrained }),
                  unitId: r.unitId,
                });
              }}
            >
              {t('evaluationUi.makeNeed')}
            </RowButton>
          )}
        />
      </ListCard>

      {list.editing && (
        <ServiceScoreForm
          year={year}
          score={list.editing === 'new' ? null : list.editing}
          units={units.data ?? []}
          onClose={list.close}
          onSaved={(s, created) => {
            changed();
            list.done(t(created ? 'evaluationUi.ikm.added' : 'evaluationUi.ikm.saved', { unit: unitName(s), score: scoreText(s.score, lang) }));
          }}
        />
      )}
      {list.removing && (
        <ConfirmDialog
          title={t('evaluationUi.ikm.removeTitle')}
          confirm={t('evaluationUi.ikm.removeConfirm')}
          danger
          onClose={list.close}
          action={() => api['ikm.remove']({ id: list.removing!.id })}
          onDone={() => {
            changed();
            list.done(t('evaluationUi.ikm.removed', { unit: unitName(list.removing!) }));
          }}
        >
          <p>{t('evaluationUi.ikm.removeText', { kind: list.removing.kind, unit: unitName(list.removing), period: dateRange(list.removing.periodStart, list.removing.periodEnd, lang), score: scoreText(list.removing.score, lang) })}</p>
        </ConfirmDialog>
      )}
      {finding && (
        <NeedFromFinding finding={finding} onClose={() => setFinding(null)} onDone={(created) => { setFinding(null); setNeed(created); }} />
      )}
    </div>
  );
}

interface Values {
  unitId: string;
  kind: string;
  periodStart: string;
  periodEnd: string;
  score: string;
  respondents: string;
  notes: string;
}

function ServiceScoreForm({ year, score, units, onClose, onSaved }: { year: number; score: ServiceScore | null; units: Unit[]; onClose(): void; onSaved(s: ServiceScore, created: boolean): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const form = useForm<Values>({
    defaultValues: {
      unitId: score?.unitId ?? '',
      kind: score?.kind ?? 'IKM',
      periodStart: score?.periodStart ?? `${year}-01-01`,
      periodEnd: score?.periodEnd ?? `${year}-06-30`,
      score: scoreInput(score?.score ?? null, lang),
      respondents: score?.respondents === null || score?.respondents === undefined ? '' : String(score.respondents),
      notes: score?.notes ?? '',
    },
  });

  return (
    <FormDialog
      title={score ? t('evaluationUi.ikm.editTitle') : t('evaluationUi.ikm.addTitle')}
      size="medium"
      onClose={onClose}
      form={form}
      send={async (v) => {
        const value = parseScore(v.score);
        const respondents = parseScore(v.respondents);
        // Words where a number belongs would travel as nothing: said here instead.
        if (value === null || Number.isNaN(value)) {
          form.setError('score', { type: 'local', message: value === null ? 'validation.required' : 'evaluationUi.scores.notANumber' }, { shouldFocus: true });
          return undefined;
        }
        if (respondents !== null && (Number.isNaN(respondents) || !Number.isInteger(respondents))) {
          form.setError('respondents', { type: 'local', message: 'evaluationUi.ikm.respondentsWhole' }, { shouldFocus: true });
          return undefined;
        }
        return api['ikm.save']({
          ...(score ? { id: score.id } : {}),
          unitId: v.unitId || null,
          kind: v.kind as ServiceScore['kind'],
          periodStart: v.periodStart,
          periodEnd: v.periodEnd,
          score: value,
          respondents,
          notes: v.notes,
        });
      }}
      onDone={(s) => onSaved(s, !score)}
      submitLabel={score ? t('common.save') : t('evaluationUi.ikm.addSubmit')}
    >
      <div className="grid-3">
        <ControlledSelectField
          name="unitId"
          label={t('evaluationUi.ikm.unit')}
          options={[{ value: '', label: t('evaluationUi.ikm.wholeOffice') }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
          fieldClassName="span-2"
        />
        <SelectField name="kind" label={t('evaluationUi.ikm.kind')} options={[{ value: 'IKM', label: t('evaluationUi.ikm.kinds.IKM') }, { value: 'SKM', label: t('evaluationUi.ikm.kinds.SKM') }]} />
      </div>
      <div className="grid-2">
        <TextField name="periodStart" type="date" label={t('evaluationUi.ikm.periodStart')} />
        <TextField name="periodEnd" type="date" label={t('evaluationUi.ikm.periodEnd')} />
      </div>
      <div className="grid-2">
        <TextField name="score" label={t('evaluationUi.ikm.scoreLabel')} hint={t('evaluationUi.ikm.scoreHint')} inputMode="decimal" autoComplete="off" />
        <TextField name="respondents" label={t('evaluationUi.ikm.respondents')} optional inputMode="numeric" autoComplete="off" />
      </div>
      <TextAreaField name="notes" label={t('field.notes')} optional rows={2} />
    </FormDialog>
  );
}
