import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedToken, TokenList } from '../../../contracts/auth.schema';
import { getJson, sendJson } from '../../api/api-client';
import { useApiMutation } from '../../api/auth-queries';
import { CopyButton } from '../../components/copy-button';
import { FormError } from '../../components/form-error';
import { RoleSelect } from '../organisation/role-select';
import { ReauthenticatePrompt } from './reauthenticate-prompt';

/** Personal API tokens of the current organisation: create (shown once), list, revoke. */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const tokens = useQuery({
    queryKey: ['account', 'tokens'],
    queryFn: () => getJson<TokenList>('/api/account/tokens'),
  });
  const [created, setCreated] = useState<string>();
  const create = useApiMutation((input: { name: string; roleCeiling: string; expiresInDays: number }) =>
    sendJson<CreatedToken>('POST', '/api/account/tokens', input),
  );
  const revoke = useApiMutation((id: string) => sendJson('DELETE', `/api/account/tokens/${encodeURIComponent(id)}`));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: String(form.get('name')),
        roleCeiling: String(form.get('roleCeiling')),
        expiresInDays: Number(form.get('expiresInDays')),
      },
      {
        onSuccess: (result) => {
          setCreated(result.token);
          formElement.reset();
        },
      },
    );
  };
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('account.tokensTitle')}</h2>
      <p className="muted">{t('account.tokensLead')}</p>
      <form onSubmit={submit} className="inline-form">
        <label>
          {t('account.tokenName')}
          <input name="name" required maxLength={100} />
        </label>
        <label>
          {t('account.tokenRole')}
          <RoleSelect name="roleCeiling" defaultValue="viewer" />
        </label>
        <label>
          {t('account.tokenDays')}
          <input name="expiresInDays" type="number" min={1} max={366} defaultValue={90} required />
        </label>
        <button type="submit">{t('account.tokenCreate')}</button>
      </form>
      <FormError error={create.error ?? revoke.error} />
      <ReauthenticatePrompt error={create.error ?? revoke.error} onDone={() => (create.reset(), revoke.reset())} />
      {created && (
        <p role="status" className="notice">
          {t('account.tokenShownOnce')} <code data-testid="new-token">{created}</code>{' '}
          <CopyButton text={created} testId="copy-token" />
        </p>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('account.tokenName')}</th>
            <th scope="col">{t('account.tokenRole')}</th>
            <th scope="col">{t('account.tokenExpires')}</th>
            <th scope="col">{t('account.tokenLastUsed')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {tokens.data?.tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{t(`roles.${token.roleCeiling}`)}</td>
              <td>{token.expiresAt.slice(0, 10)}</td>
              <td>{token.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? t('account.never')}</td>
              <td>
                {token.revokedAt ? (
                  t('account.tokenRevoked')
                ) : (
                  <button type="button" onClick={() => revoke.mutate(token.id)}>
                    {t('account.tokenRevoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
