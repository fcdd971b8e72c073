import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireTemplate } from '../../../../shared/contract/evaluation.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { Modal } from '../../components/Modal.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { ConfirmDialog } from '../trainings/ui.tsx';
import { aspectWord } from './format.ts';
import { slotGroups } from './likert.ts';
import { QuestionnaireEditor } from './QuestionnaireEditor.tsx';

/**
 * Evaluasi → Kuesioner (admins): the reaction questionnaires events can use. The one that comes
 * with the app is read-only but can be copied; the office's own are edited here. An event keeps
 * its own copy, so editing never changes answers already given.
 */
export function QuestionnairesTab() {
  const { t } = useTranslation();
  const templates = useLoader(() => api['questionnaires.list']({}), []);
  const list = useCrudList<QuestionnaireTemplate>(templates);
  const [copyOf, setCopyOf] = useState<QuestionnaireTemplate | null>(null);
  const [viewing, setViewing] = useState<QuestionnaireTemplate | null>(null);

  return (
    <div className="stack">
      <ListCard
        title={t('evaluationUi.questionnaires.title')}
        actions={<button type="button" className="btn btn-primary" onClick={() => { setCopyOf(null); list.edit('new'); }}>{t('evaluationUi.questionnaires.add')}</button>}
        intro={t('evaluationUi.questionnaires.intro')}
        message={list.message}
      >
        <DataTable
          loader={templates}
          caption={t('evaluationUi.questionnaires.caption')}
          className="table-compact"
          columns={[
            { key: 'name', header: t('evaluationUi.questionnaires.name'), rowHeader: true, cell: (q) => <>{q.name}{q.builtIn && <> <span className="badge">{t('evaluationUi.questionnaires.builtIn')}</span></>}</> },
            { key: 'scale', header: t('evaluationUi.questionnaires.scale'), cell: (q) => t('evaluationUi.questionnaires.scaleOf', { scale: q.scale }) },
            { key: 'items', header: t('evaluationUi.questionnaires.items'), num: true, cell: (q) => q.items.length },
            { key: 'open', header: t('evaluationUi.questionnaires.open'), num: true, cell: (q) => q.openQuestions.length },
          ]}
          actions={(q) => <>
            {q.builtIn
              ? <RowButton label={t('evaluationUi.questionnaires.viewNamed', { name: q.name })} onClick={() => setViewing(q)}>{t('evaluationUi.questionnaires.view')}</RowButton>
              : <RowButton label={t('evaluationUi.questionnaires.editNamed', { name: q.name })} onClick={() => { setCopyOf(null); list.edit(q); }}>{t('common.edit')}</RowButton>}
            <RowButton label={t('evaluationUi.questionnaires.copyNamed', { name: q.name })} onClick={() => { setCopyOf(q); list.edit('new'); }}>{t('evaluationUi.questionnaires.copy')}</RowButton>
            {!q.builtIn && <RowButton danger label={t('evaluationUi.questionnaires.removeNamed', { name: q.name })} onClick={() => list.remove(q)}>{t('evaluationUi.remove')}</RowButton>}
          </>}
        />
      </ListCard>
      {list.editing && (
        <QuestionnaireEditor
          template={list.editing === 'new' ? null : list.editing}
          copyOf={copyOf}
          onClose={list.close}
          onSaved={(q, created) => list.saved(q, t(created ? 'evaluationUi.questionnaires.added' : 'evaluationUi.questionnaires.saved', { name: q.name }))}
        />
      )}
      {list.removing && (
        <ConfirmDialog
          title={t('evaluationUi.questionnaires.removeTitle', { name: list.removing.name })}
          confirm={t('evaluationUi.questionnaires.removeConfirm')}
          danger
          onClose={list.close}
          action={() => api['questionnaires.remove']({ id: list.removing!.id })}
          onDone={() => {
            const name = list.removing!.name;
            list.drop(list.removing!);
            list.done(t('evaluationUi.questionnaires.removed', { name }));
          }}
        >
          <p>{t('evaluationUi.questionnaires.removeText')}</p>
        </ConfirmDialog>
      )}
      {viewing && <QuestionnaireView template={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

/** The built-in questionnaire as it reads: items by aspect, the open questions. */
function QuestionnaireView({ template: q, onClose }: { template: QuestionnaireTemplate; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal title={q.name} onClose={onClose} size="wide">
      <p className="form-note">{t('evaluationUi.questionnaires.viewNote', { scale: q.scale })}</p>
      {slotGroups({ items: q.items, speakers: [] }).map((g) => (
        <div key={g.key}>
          <h3 className="h-small">{aspectWord(t, g.aspect)}</h3>
          <ol className="question-list" start={g.slots[0]?.no}>
            {g.slots.map((s) => <li key={s.key}>{s.item.text}</li>)}
          </ol>
        </div>
      ))}
      {q.openQuestions.length > 0 && (
        <>
          <h3 className="h-small">{t('evaluationUi.questionnaires.open')}</h3>
          <ul className="question-list">{q.openQuestions.map((o) => <li key={o.id}>{o.text}</li>)}</ul>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>{t('common.close')}</button>
      </div>
    </Modal>
  );
}
