import { useEffect } from 'react';
import { Cascader, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { CreateInOrganisationModal } from '../../shared/list/create-in-organisation-modal.tsx';
import { useOrganisations, type Organisation } from '../../identity/api.ts';
import type { RoundFormat } from '../api.ts';
import { createRound, DEFAULT_STREAK_BONUS, useContestChoices, type BuilderRound, type ContestChoice, type CreateRoundInput, type MassQuizRules, type PersonChoice } from '../builder-api.ts';
import { PeoplePicker } from './people-picker.tsx';

export const ROUND_FORMATS: RoundFormat[] = ['buzzer', 'mandatory', 'risk', 'team-pk', 'mass-quiz'];

type Values = {
  title: string;
  organisationId: number;
  format: RoundFormat;
  isPublic: boolean;
  hostIds?: number[];
  formula?: 'correctness-first' | 'speed';
  allowLateJoin?: boolean;
  passOn?: boolean;
  minCorrect?: number;
  reward?: string;
  /** 关联赛事轮次: [contest id, round key] */
  contestLink?: [number, string];
};

/** The body of POST /api/arena/rounds: a mass quiz carries its whole rules.massQuiz (the server takes it as one object). */
export function createBody(v: Values): CreateRoundInput {
  const base = { title: v.title.trim(), organisationId: v.organisationId, format: v.format, isPublic: Boolean(v.isPublic), hostIds: v.hostIds ?? [] };
  if (v.format !== 'mass-quiz') return v.contestLink ? { ...base, contest: { contestId: v.contestLink[0], roundKey: v.contestLink[1] } } : base;
  return { ...base, rules: { massQuiz: massQuizOf(v) } };
}

type Props = { onClose: () => void; onCreated: (round: BuilderRound) => void };

/** 新建现场赛: title, organisation, format, spectator page, hosts and (mass quiz) the scoring and pass mark; questions and roster come next, on the setup page. */
export function RoundCreateModal({ onClose, onCreated }: Props) {
  const { t } = useI18n();
  const orgs = useOrganisations();
  return (
    <CreateInOrganisationModal<Values, BuilderRound>
      title={t('arena.builder.create.title')}
      organisations={orgs.data ?? []}
      nameField={{ name: 'title', label: t('arena.builder.field.title'), placeholder: t('arena.builder.field.titlePlaceholder'), max: 200, requiredMessage: t('arena.builder.field.titleRequired'), testId: 'round-title-input' }}
      organisation={{ label: t('arena.builder.field.organisation'), hint: t('arena.builder.field.organisationHint') }}
      serverFields={['title', 'organisationId']}
      submit={(values) => createRound(createBody(values))}
      onClose={onClose}
      onCreated={onCreated}
    >
      <RoundFields organisations={orgs.data ?? []} />
    </CreateInOrganisationModal>
  );
}

/** The fields after the organisation; the mass-quiz rules show only for a mass quiz. */
function RoundFields({ organisations }: { organisations: Organisation[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const format = Form.useWatch('format', form);

  // one top node (an organiser over one province): picked already
  useEffect(() => {
    const ids = new Set(organisations.map((o) => o.id));
    const tops = organisations.filter((o) => o.parentId === null || !ids.has(o.parentId));
    if (tops.length === 1 && form.getFieldValue('organisationId') === undefined) form.setFieldValue('organisationId', tops[0].id);
  }, [organisations, form]);

  return (
    <>
      <Form.Item name="format" label={t('arena.builder.field.format')} initialValue="buzzer" rules={[{ required: true }]}>
        <Select data-testid="round-format" options={ROUND_FORMATS.map((f) => ({ value: f, label: `${t(`arena.format.${f}`)} · ${t(`arena.builder.formatHint.${f}`)}` }))} />
      </Form.Item>
      <RoundSettingsFields format={format} />
      {format !== 'mass-quiz' && <ContestLinkField />}
    </>
  );
}

/** What a round's settings form holds besides its title, organisation, format and contest link (the create and the edit dialog share it). */
export type RoundSettingsValues = Pick<Values, 'isPublic' | 'hostIds' | 'formula' | 'allowLateJoin' | 'passOn' | 'minCorrect' | 'reward'>;

/** A mass quiz's rules from the form: the streak bonus is not on the form (the default, or the round's own when editing). */
export function massQuizOf(v: RoundSettingsValues, streakBonus: { perAnswer: number; max: number } = DEFAULT_STREAK_BONUS): MassQuizRules {
  return {
    formula: v.formula ?? 'correctness-first',
    streakBonus: { ...streakBonus },
    allowLateJoin: v.allowLateJoin ?? true,
    pass: v.passOn && v.minCorrect ? { minCorrect: v.minCorrect, reward: (v.reward ?? '').trim() } : null,
  };
}

/**
 * 公开观赛页, 主持人 and (a mass quiz) 计分方式, 允许中途加入, 通关线 + 通关激励: the fields the create
 * dialog and the setup page's 编辑设置 share. `knownHosts`: the hosts already chosen, so they show by name.
 */
export function RoundSettingsFields({ format, knownHosts }: { format: RoundFormat | undefined; knownHosts?: PersonChoice[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<RoundSettingsValues>();
  const passOn = Form.useWatch('passOn', form);
  return (
    <>
      <Form.Item name="isPublic" label={t('arena.builder.field.public')} extra={t('arena.builder.field.publicHint')} valuePropName="checked" initialValue={false}>
        <Switch data-testid="round-public" />
      </Form.Item>
      <Form.Item name="hostIds" label={t('arena.builder.field.hosts')} extra={t('arena.builder.field.hostsHint')} initialValue={[]}>
        <PeoplePicker testId="round-hosts" known={knownHosts} placeholder={t('arena.builder.field.hostsPlaceholder')} />
      </Form.Item>
      {format === 'mass-quiz' && (
        <div className="arena-builder-rules" data-testid="round-mass-rules">
          <Form.Item name="formula" label={t('arena.builder.field.formula')} initialValue="correctness-first">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'correctness-first', label: t('arena.builder.formula.correctness-first') },
                { value: 'speed', label: t('arena.builder.formula.speed') },
              ]}
            />
          </Form.Item>
          <div className="arena-builder-rules__hint">{t('arena.builder.formulaHint')}</div>
          <Form.Item name="allowLateJoin" label={t('arena.builder.field.lateJoin')} valuePropName="checked" initialValue={true}>
            <Switch />
          </Form.Item>
          <Form.Item name="passOn" label={t('arena.builder.field.pass')} extra={t('arena.builder.field.passHint')} valuePropName="checked" initialValue={false}>
            <Switch data-testid="round-pass" />
          </Form.Item>
          {passOn && (
            <div className="arena-builder-rules__pass">
              <Form.Item name="minCorrect" label={t('arena.builder.field.minCorrect')} rules={[{ required: true, message: t('arena.builder.field.minCorrectRequired') }]}>
                <InputNumber min={1} max={1000} precision={0} suffix={t('arena.builder.field.minCorrectUnit')} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="reward" label={t('arena.builder.field.reward')} rules={[{ required: true, whitespace: true, max: 100, message: t('arena.builder.field.rewardRequired') }]}>
                <Input maxLength={100} placeholder={t('arena.builder.field.rewardPlaceholder')} />
              </Form.Item>
            </div>
          )}
        </div>
      )}
    </>
  );
}

/** 关联赛事轮次 (optional): a contest the organiser manages, then one of its rounds (by stage); the final scores are written there. */
function ContestLinkField() {
  const { t, errorText } = useI18n();
  const contests = useContestChoices();
  return (
    <Form.Item name="contestLink" label={t('arena.builder.contest.field')} extra={t('arena.builder.contest.fieldHint')}>
      <Cascader<CascaderOption>
        allowClear
        showSearch
        loading={contests.loading}
        placeholder={t('arena.builder.contest.placeholder')}
        notFoundContent={contests.loading ? undefined : contests.error ? errorText(contests.error) : t('arena.builder.contest.none')}
        options={contestOptions(contests.data ?? [], t)}
        displayRender={(labels) => labels.join(' / ')}
        classNames={{ popup: { root: "arena-builder-contest-popup" } }}
        data-testid="round-contest"
        style={{ width: '100%' }}
      />
    </Form.Item>
  );
}

type CascaderOption = { value: number | string; label: string; title?: string; children?: CascaderOption[] };

/** contest → its rounds, each labelled “stage · round”, the live rounds marked (they are what an arena round usually scores) */
function contestOptions(contests: ContestChoice[], t: ReturnType<typeof useI18n>['t']): CascaderOption[] {
  return contests.map((c) => ({
    value: c.id,
    label: c.title,
    title: `${c.title} · ${c.organisationName}`,
    children: c.rounds.map((r) => ({ value: r.key, label: `${r.stageName} · ${r.name}${r.kind === 'live' ? `（${t('arena.builder.contest.liveRound')}）` : ''}` })),
  }));
}
