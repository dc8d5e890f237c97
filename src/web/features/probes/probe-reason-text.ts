import { useTranslation } from 'react-i18next';
import type { ProbeObservationView } from '../../../contracts/probes';

type Reason = NonNullable<ProbeObservationView['reasonCodes']>[number];
interface AnyReason {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly causes?: readonly AnyReason[];
}

/**
 * Says an observation's reason in the reader's language: by its codes (`probes.reasons.<code>`,
 * causes in parentheses), or by the stored English text on observations kept before reasons had
 * codes, or when a code is unknown to this client.
 */
export function useProbeReasonText(): (observation: Pick<ProbeObservationView, 'reason' | 'reasonCodes'>) => string {
  const { t, i18n } = useTranslation();
  const known = (reasons: readonly AnyReason[]): boolean =>
    reasons.every((reason) => i18n.exists(`probes.reasons.${reason.code}`) && known(reason.causes ?? []));
  const say = (reasons: readonly AnyReason[]): string =>
    reasons
      .map((reason) => {
        const text = t(`probes.reasons.${reason.code}`, { ...reason.params, interpolation: { escapeValue: false } });
        return reason.causes && reason.causes.length > 0
          ? t('probes.reasonWithCause', {
              reason: text,
              cause: say(reason.causes),
              interpolation: { escapeValue: false },
            })
          : text;
      })
      .join(t('probes.reasonSeparator'));
  return (observation) => {
    const codes: readonly Reason[] = observation.reasonCodes ?? [];
    // Capitalised: the reason stands as a sentence of its own under the findings (a no-op in Japanese).
    if (codes.length > 0 && known(codes)) return capitalise(say(codes));
    return observation.reason ?? '';
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
