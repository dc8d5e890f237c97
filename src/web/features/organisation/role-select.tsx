import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_OPTIONS } from './role-options';

/** A select of the five roles with their names in the reader's language. */
export function RoleSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useTranslation();
  return (
    <select {...props}>
      {ROLE_OPTIONS.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </select>
  );
}
