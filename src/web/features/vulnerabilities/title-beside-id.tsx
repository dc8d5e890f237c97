import { titleBesideId } from './advisory-title';

/** An advisory's title after its tracking id, or nothing when the title only repeats the id. */
export function TitleBesideId(props: {
  readonly trackingId: string;
  readonly title: string | null | undefined;
  readonly language?: string;
  readonly className?: string;
}) {
  const shown = titleBesideId(props.trackingId, props.title);
  if (shown === undefined) return null;
  return (
    <>
      {' '}
      <span className={props.className} lang={props.language}>
        {shown}
      </span>
    </>
  );
}
