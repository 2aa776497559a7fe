import { Checkbox, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { ImportUploadCard } from '../../shared/import/import-upload-card.tsx';
import { previewImport, templateUrl, type ImportPreview } from '../api.ts';

type Props = {
  createOrganisations: boolean;
  onCreateOrganisationsChange: (value: boolean) => void;
  onPreview: (preview: ImportPreview) => void;
};

/** Step 1: the template, the file, and whether missing organisations may be created. Uploading writes nothing. */
export function ImportUploadStep({ createOrganisations, onCreateOrganisationsChange, onPreview }: Props) {
  const { t, lang } = useI18n();
  const templateLang = lang === 'en' ? 'en' : 'zh';
  return (
    <ImportUploadCard
      templateBody={t('import.templateBody')}
      templateUrls={{ xlsx: templateUrl('xlsx', templateLang), csv: templateUrl('csv', templateLang) }}
      columnsHelp={
        <>
          <li><b>{t('field.employeeNo')}</b> {t('import.col.employeeNo')}</li>
          <li><b>{t('field.name')}</b> · <b>{t('field.gender')}</b> {t('import.col.gender')}</li>
          <li><b>{t('field.organisation')}</b> {t('import.col.organisation')}</li>
          <li><b>{t('field.phone')}</b> {t('import.col.phone')}</li>
          <li><b>{t('field.tracks')}</b> · <b>{t('field.roles')}</b> {t('import.col.lists')}</li>
        </>
      }
      accept=".xlsx,.csv,.txt"
      dropHint={t('import.dropHint')}
      options={
        <>
          <Checkbox checked={createOrganisations} onChange={(e) => onCreateOrganisationsChange(e.target.checked)} className="ss-block" data-testid="create-orgs">
            {t('import.createOrganisations')}
          </Checkbox>
          <Typography.Paragraph type="secondary" className="ss-hint">
            {t('import.createOrganisationsHint')}
          </Typography.Paragraph>
        </>
      }
      onUpload={async (file) => onPreview(await previewImport(file, createOrganisations))}
    />
  );
}
