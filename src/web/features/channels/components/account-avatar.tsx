import { useAccountAvatar } from '../api/get-account-avatar.js';

interface AccountAvatarProps {
  businessId: string;
  /** The account's `avatar_src`; null when the server keeps none. */
  src: string | null;
  /** The account's name, for the initials shown until (or instead of) the picture. */
  name: string;
  className: string;
}

/** The first letters of the first two words (`The Bakery` → `TB`, `@bakery` → `B`). */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[@_.-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}

/** A connected account's picture, served by our own API; its initials while loading, or without one. */
export function AccountAvatar({ businessId, src, name, className }: AccountAvatarProps) {
  const picture = useAccountAvatar(businessId, src);
  if (picture.data) return <img className={className} src={picture.data} alt="" width={48} height={48} />;
  return (
    <span className={`${className} ${className}--initials`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
