import { useTranslation } from 'react-i18next';
import { useMemberNames } from '../../api/assessment-queries';
import { useMe } from '../../api/auth-queries';

export interface People {
  readonly meId: string | undefined;
  readonly canWrite: boolean;
  readonly canReview: boolean;
  /** Members the UI can name, for assignees. */
  readonly members: readonly { userId: string; displayName: string }[];
  /** A user id as a name: "自分", a member's name, or "another member". */
  readonly nameOf: (userId: string | null | undefined) => string;
}

/** Who I am and who else I can name, with what my role lets the UI offer. */
export function usePeople(): People {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.data?.role;
  const canReview = role === 'owner' || role === 'admin';
  const canWrite = canReview || role === 'assessor';
  const list = useMemberNames(role !== null && role !== undefined && role !== 'provider');
  const meId = me.data?.user?.id;
  const members = list.data?.people ?? [];
  const nameOf = (userId: string | null | undefined): string => {
    if (!userId) return t('assessment.unassigned');
    if (userId === meId) return t('assessment.me');
    return members.find((member) => member.userId === userId)?.displayName ?? t('assessment.otherMember');
  };
  return { meId, canWrite, canReview, members, nameOf };
}
