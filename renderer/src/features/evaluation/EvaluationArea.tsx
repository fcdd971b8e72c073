import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import { useSession } from '../../app/session.tsx';
import { Page, SubNav } from '../../components/Page.tsx';
import { NotFound } from '../placeholder/NotFound.tsx';
import { useRememberedYear, YearSelect } from '../trainings/ui.tsx';
import { FollowupsTab } from './FollowupsTab.tsx';
import { QuestionnairesTab } from './QuestionnairesTab.tsx';
import { ReactionCompareTab } from './ReactionCompareTab.tsx';
import { ServiceScoresTab } from './ServiceScoresTab.tsx';

const PARTS = [
  { slug: '', key: 'followups', yearly: false, adminOnly: false },
  { slug: 'reaksi', key: 'reaction', yearly: true, adminOnly: false },
  { slug: 'ikm', key: 'ikm', yearly: true, adminOnly: false },
  { slug: 'kuesioner', key: 'questionnaires', yearly: false, adminOnly: true },
] as const;

/**
 * `#/evaluasi/<part>`: evaluation across events — the supervisors' follow-ups, the participants'
 * reaction compared over a year, the units' IKM/SKM beside their training, and (admins) the
 * questionnaires.
 */
export function EvaluationArea() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { part = '' } = useParams<{ part?: string }>();
  const [year, setYear] = useRememberedYear('evaluation');
  const parts = PARTS.filter((p) => !p.adminOnly || user.role === 'admin');
  const current = parts.find((p) => p.slug === part);
  if (!current) return <NotFound />;

  return (
    <Page
      title={t('areas.evaluation.title')}
      intro={t('areas.evaluation.description')}
      actions={current.yearly ? (
        <YearSelect label={t('evaluationUi.year')} year={year} onChange={setYear} />
      ) : undefined}
    >
      <SubNav
        label={t('evaluationUi.tabsLabel')}
        items={parts.map((p) => ({ key: p.key, href: p.slug ? `/evaluasi/${p.slug}` : '/evaluasi', label: t(`evaluationUi.tabs.${p.key}`), current: p === current }))}
      />
      {current.key === 'followups' && <FollowupsTab />}
      {current.key === 'reaction' && <ReactionCompareTab key={year} year={year} />}
      {current.key === 'ikm' && <ServiceScoresTab key={year} year={year} />}
      {current.key === 'questionnaires' && <QuestionnairesTab />}
    </Page>
  );
}
