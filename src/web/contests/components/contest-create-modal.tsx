import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { CreateInOrganisationModal } from '../../shared/list/create-in-organisation-modal.tsx';
import type { Organisation } from '../../identity/api.ts';
import { createContest, type Contest } from '../api.ts';
import { templateDefinition } from './definition-edit.ts';

type Props = { organisations: Organisation[]; onClose: () => void; onCreated: (c: Contest) => void };
type Values = { title: string; organisationId: number };

/** 新建赛事: a title and the owning node; the rules are edited next, in the builder. */
export function ContestCreateModal({ organisations, onClose, onCreated }: Props) {
  const { t } = useI18n();
  return (
    <CreateInOrganisationModal<Values, Contest>
      title={t('contests.create.title')}
      organisations={organisations}
      nameField={{
        name: 'title',
        label: t('contests.builder.title'),
        placeholder: t('contests.create.titlePlaceholder'),
        max: 200,
        requiredMessage: t('contests.create.titleRequired'),
        testId: 'contest-title-input',
      }}
      organisation={{ label: t('contests.create.organisation'), hint: t('contests.create.organisationHint') }}
      submit={(values) => createContest({ ...values, definition: templateDefinition() })}
      onClose={onClose}
      onCreated={onCreated}
    />
  );
}
