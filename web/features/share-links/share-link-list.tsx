import { useId } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useRevokeShareLink, useShareLinks } from './share-links-api.ts';

/** The plan's links: for whom, until when, by whom; editors revoke them. */
export function ShareLinkList({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const { t, language } = useTranslation();
  const headingId = useId();
  const links = useShareLinks(planId);
  const revoke = useRevokeShareLink(planId);
  if (links.isPending) return <Spinner label={t('loading')} />;
  if (links.isError) return <QueryLoadError query={links} />;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('share_links.list_title')}</h3>
      {revoke.isError && <Alert tone="error">{describeApiError(revoke.error, t)}</Alert>}
      {links.data.length === 0 ? (
        <p>{t('share_links.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('share_links.column.label')}</th>
                <th scope="col">{t('share_links.column.expires')}</th>
                <th scope="col">{t('share_links.column.by')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('share_links.revoke')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {links.data.map((link) => (
                <tr key={link.id}>
                  <th scope="row">{link.label}</th>
                  <td>{link.isExpired ? t('share_links.expired') : formatDateTime(link.expiresAt, language)}</td>
                  <td>{link.createdBy?.name ?? t('share_links.deleted_user')}</td>
                  {canEdit && (
                    <td>
                      <Button
                        variant="quiet"
                        isPending={revoke.isPending && revoke.variables === link.id}
                        onClick={() => revoke.mutate(link.id)}
                        aria-label={`${t('share_links.revoke')}: ${link.label}`}
                      >
                        {t('share_links.revoke')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
