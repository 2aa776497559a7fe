import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Row, Typography, Upload } from 'antd';
import { CloudUploadOutlined, FileExcelOutlined, FileTextOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { previewImport, templateUrl, type ImportPreview } from '../api.ts';

type Props = {
  createOrganisations: boolean;
  onCreateOrganisationsChange: (value: boolean) => void;
  onPreview: (preview: ImportPreview) => void;
};

const ACCEPT = '.xlsx,.csv,.txt';

/** Step 1: the template, the file, and whether missing organisations may be created. Uploading writes nothing. */
export function ImportUploadStep({ createOrganisations, onCreateOrganisationsChange, onPreview }: Props) {
  const { t, errorText, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const templateLang = lang === 'en' ? 'en' : 'zh';

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onPreview(await previewImport(file, createOrganisations));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card title={t('import.templateTitle')} className="ss-card-fill">
          <Typography.Paragraph type="secondary">{t('import.templateBody')}</Typography.Paragraph>
          <div className="ss-template-links">
            <a href={templateUrl('xlsx', templateLang)} download className="ss-template-link" data-testid="template-xlsx">
              <FileExcelOutlined className="ss-template-link__icon ss-template-link__icon--xlsx" />
              <span>
                <strong>{t('import.templateXlsx')}</strong>
                <small>.xlsx</small>
              </span>
            </a>
            <a href={templateUrl('csv', templateLang)} download className="ss-template-link" data-testid="template-csv">
              <FileTextOutlined className="ss-template-link__icon" />
              <span>
                <strong>{t('import.templateCsv')}</strong>
                <small>.csv · UTF-8 / GBK</small>
              </span>
            </a>
          </div>
          <ul className="ss-columns-help">
            <li><b>{t('field.employeeNo')}</b> {t('import.col.employeeNo')}</li>
            <li><b>{t('field.name')}</b> · <b>{t('field.gender')}</b> {t('import.col.gender')}</li>
            <li><b>{t('field.organisation')}</b> {t('import.col.organisation')}</li>
            <li><b>{t('field.phone')}</b> {t('import.col.phone')}</li>
            <li><b>{t('field.tracks')}</b> · <b>{t('field.roles')}</b> {t('import.col.lists')}</li>
          </ul>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card title={t('import.fileTitle')} className="ss-card-fill">
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setError(null);
              return false;
            }}
            data-testid="import-dragger"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.dropText')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          {file && (
            <div className="ss-picked-file" data-testid="picked-file">
              <PaperClipOutlined /> {file.name} <Typography.Text type="secondary">({(file.size / 1024).toFixed(1)} KB)</Typography.Text>
            </div>
          )}
          <Checkbox checked={createOrganisations} onChange={(e) => onCreateOrganisationsChange(e.target.checked)} className="ss-block" data-testid="create-orgs">
            {t('import.createOrganisations')}
          </Checkbox>
          <Typography.Paragraph type="secondary" className="ss-hint">
            {t('import.createOrganisationsHint')}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} className="ss-form-alert" />}
          <div className="ss-upload-actions">
            <Button type="primary" size="large" icon={<CloudUploadOutlined />} disabled={!file} loading={busy} onClick={() => void upload()}>
              {t('import.uploadAndCheck')}
            </Button>
          </div>
        </Card>
      </Col>
    </Row>
  );
}
