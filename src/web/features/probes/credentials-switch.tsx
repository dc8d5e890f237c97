import { useTranslation } from 'react-i18next';

/**
 * The intrusive "try default passwords" switch: off by default, the warning always in sight, and
 * turning it on asks for a confirmation (turning it off never does).
 */
export function CredentialsSwitch({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className={checked ? 'credentials-switch on' : 'credentials-switch'} data-testid="credentials-switch">
      <label className="checkbox">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          aria-describedby="credentials-warning"
          checked={checked}
          onChange={(event) => {
            if (!event.target.checked) onChange(false);
            else if (window.confirm(t('probes.scopeForm.credentialsConfirm'))) onChange(true);
          }}
          data-testid="allow-credentials"
        />
        <strong>{t('probes.scopeForm.allowCredentials')}</strong>
      </label>
      <p id="credentials-warning" className="credentials-warning">
        ⚠ {t('probes.scopeForm.credentialsWarning')}
      </p>
    </div>
  );
}
