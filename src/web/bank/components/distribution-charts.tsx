import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Row, Skeleton, Spin } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { LEVELS, TYPES } from '../api.ts';

const BarChart = lazy(() => import('../../shared/charts/bar-chart.tsx'));

type Props = { data: { byType: number[]; byDifficulty: number[] } | undefined; loading: boolean };

/** How the filtered questions spread over types and difficulty levels: numbers people compare, so charts. */
export function DistributionCharts({ data, loading }: Props) {
  const { t } = useI18n();
  const typeLabels = useMemo(() => TYPES.map((type) => t(`bank.type.${type}`)), [t]);
  const levelLabels = useMemo(() => LEVELS.map((d) => t(`bank.level.${d}`)), [t]);
  const chart = (labels: string[], values: number[] | undefined, horizontal: boolean, height: number) =>
    values ? (
      <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
        <BarChart labels={labels} values={values} horizontal={horizontal} height={height} />
      </Suspense>
    ) : (
      <Skeleton active paragraph={{ rows: 3 }} />
    );

  return (
    <Spin spinning={loading && data !== undefined} delay={150}>
    <Row gutter={[16, 16]} className="ss-block" data-testid="distribution-charts" data-loading={loading ? 'true' : 'false'}>
      <Col xs={24} md={14}>
        <Card size="small" title={<><BarChartOutlined /> {t('bank.browser.byType')}</>} className="ss-card-fill">
          {chart(typeLabels, data?.byType, true, 200)}
        </Card>
      </Col>
      <Col xs={24} md={10}>
        <Card size="small" title={<><BarChartOutlined /> {t('bank.browser.byDifficulty')}</>} className="ss-card-fill">
          {chart(levelLabels, data?.byDifficulty, false, 200)}
        </Card>
      </Col>
    </Row>
    </Spin>
  );
}
