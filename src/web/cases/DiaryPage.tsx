/**
 * The public-style register (diarium) for insyn: date, case number, sender and subject per
 * region. Secret-marked cases are listed with their number and date only; the server masks them.
 */
import { useLocation } from '../app/router';
import { $api } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { RegionChooser, useRegionChoice } from '../organisation/RegionChooser';
import { CASES_PATH, DIARY_PATH } from './cases';
import { CasesNav } from './CasesNav';

export function DiaryPage() {
  const { t, formatDate } = useI18n();
  const { search } = useLocation();
  const region = search.get('region') ?? '';
  const choice = useRegionChoice(DIARY_PATH, region);
  const entries = $api.useQuery('get', '/case-register', { params: { query: { region, limit: 500 } } }, { enabled: !!region });
  const regionName = choice.name;
  const items = entries.data?.items ?? [];

  return (
    <Page
      title={t('cases.diary.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: CASES_PATH, label: t('area.cases') },
      ]}
      lead={<p>{t('cases.diary.lead')}</p>}
    >
      <CasesNav />
      <RegionChooser
        id="diary-region"
        path={DIARY_PATH}
        region={region}
        label={t('cases.diary.title')}
        regions={choice.regions}
      />
      {!region && <p>{t('cases.diary.chooseRegion')}</p>}
      {entries.error && <ErrorAlert error={entries.error} />}
      {entries.isLoading && <Loading />}
      {entries.data && items.length === 0 && <p>{t('cases.diary.none')}</p>}
      {items.length > 0 && (
        <TableScroll labelledBy="diary-caption">
          <table>
            <caption id="diary-caption">{t('cases.diary.caption', { region: regionName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.diary.date')}</th>
                <th scope="col">{t('case.field.caseNumber')}</th>
                <th scope="col">{t('cases.diary.diarienummer')}</th>
                <th scope="col">{t('case.field.sender')}</th>
                <th scope="col">{t('case.field.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.caseNumber}>
                  <td className="nowrap">{formatDate(e.receivedDate)}</td>
                  <th scope="row" className="nowrap mono">
                    {e.caseNumber}
                  </th>
                  <td className="nowrap mono">{e.diarienummer ?? ''}</td>
                  <td>{e.secret ? <em>{e.sender}</em> : e.sender}</td>
                  <td>{e.secret ? <em>{e.subject}</em> : e.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
