import { Link, useNavigate } from 'react-router-dom';
import { Avatar, Button, Card, Tag } from 'antd';
import { BookOutlined, EditOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, RightOutlined, TrophyOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { initialsOf } from '../../shared/initials.ts';
import { LanguageSwitch } from '../../shared/layout/language-switch.tsx';
import { useOwnPerson, useTracks } from '../api.ts';
import { useSignedIn } from '../components/session-provider.tsx';
import { MyExamsSection } from '../../exams/components/my-exams-section.tsx';
import { PracticeSection } from '../../exams/components/practice-section.tsx';
import { MyRoundsSection } from '../../arena/components/my-rounds-section.tsx';
import { ThunderboltOutlined } from '@ant-design/icons';
import '../../exams/exams.css';

type Section = { key: string; icon: React.ReactNode; title: string; empty: string; body?: React.ReactNode };

/** The contestant's phone-first home. Practice, exams and contests are empty until those parts exist: no invented data. */
export function ContestantHomePage() {
  const { t, lang } = useI18n();
  const { me, signOut } = useSignedIn();
  const navigate = useNavigate();
  const own = useOwnPerson(me.person.id);
  const allTracks = useTracks();
  const tracks = own.data?.tracks ?? [];
  const trackName = (id: number, name: string) => (lang === 'en' ? (allTracks.data?.find((x) => x.id === id)?.nameEn ?? name) : name);
  const orgParts = me.person.organisation.path.split('/');
  const orgShort = orgParts.length > 2 ? orgParts.slice(1).join(' · ') : orgParts.join(' · ');
  const hour = new Date().getHours();
  const greeting = hour < 11 ? t('home.morning') : hour < 18 ? t('home.afternoon') : t('home.evening');

  const sections: Section[] = [
    { key: 'arena', icon: <ThunderboltOutlined />, title: t('arena.mine.title'), empty: t('arena.mine.empty'), body: <MyRoundsSection compact /> },
    { key: 'practice', icon: <BookOutlined />, title: t('home.practice'), empty: t('home.practiceEmpty'), body: <PracticeSection /> },
    { key: 'exams', icon: <EditOutlined />, title: t('home.exams'), empty: t('home.examsEmpty'), body: <MyExamsSection /> },
    { key: 'contests', icon: <TrophyOutlined />, title: t('home.contests'), empty: t('home.contestsEmpty') },
  ];

  return (
    <div className="ss-mobile-page" data-testid="contestant-home">
      <section className="ss-hero">
        <div className="ss-hero__row">
          <Avatar size={56} className="ss-hero__avatar">{initialsOf(me.person.name)}</Avatar>
          <div className="ss-hero__who">
            <div className="ss-hero__hello">{greeting}</div>
            <h1 className="ss-hero__name">{t('home.hello', { name: me.person.name })}</h1>
            <div className="ss-hero__org" title={me.person.organisation.path}>{orgShort}</div>
          </div>
        </div>
        <div className="ss-hero__meta">
          <span className="ss-hero__label">{t('field.employeeNo')}</span>
          <span>{me.person.employeeNo}</span>
        </div>
        <div className="ss-hero__tracks">
          <span className="ss-hero__label">{t('home.myTracks')}</span>
          {tracks.length > 0 ? (
            tracks.map((tr) => (
              <Tag key={tr.id} className="ss-hero__tag" variant="filled">
                {trackName(tr.id, tr.name)}
              </Tag>
            ))
          ) : (
            <span className="ss-hero__none">{own.loading ? '…' : t('home.noTracks')}</span>
          )}
        </div>
      </section>

      {sections.map((s) => (
        <Card key={s.key} className="ss-home-section" size="small" title={<span className="ss-home-section__title">{s.icon} {s.title}</span>} data-testid={`home-${s.key}`}>
          {s.body ?? (
            <div className="ss-home-empty">
              <span className="ss-home-empty__badge">{t('home.none')}</span>
              <span className="ss-home-empty__text">{s.empty}</span>
            </div>
          )}
        </Card>
      ))}

      <Card className="ss-home-section" size="small" title={<span className="ss-home-section__title">{t('home.account')}</span>}>
        <Link to="/account/password" className="ss-list-row">
          <KeyOutlined /> <span className="ss-list-row__label">{t('nav.changePassword')}</span> <RightOutlined className="ss-list-row__arrow" />
        </Link>
        <div className="ss-list-row">
          <GlobalOutlined /> <span className="ss-list-row__label">{t('lang.label')}</span>
          <LanguageSwitch size="small" />
        </div>
        <Button
          block
          danger
          size="large"
          icon={<LogoutOutlined />}
          className="ss-home-signout"
          onClick={() => void signOut().then(() => navigate('/sign-in', { replace: true }))}
        >
          {t('nav.signOut')}
        </Button>
      </Card>
    </div>
  );
}
