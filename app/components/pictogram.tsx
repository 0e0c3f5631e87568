import { isPictogram, pictogramUrl } from "~/surveys/pictograms";

/**
 * An easy-read pictogram beside words that say the same thing: decorative
 * (empty alt), so a screen reader reads the words once. Unknown names draw nothing.
 */
export function Pictogram({ name, size = 64, className }: { name: string | null | undefined; size?: number; className?: string }) {
  if (!isPictogram(name)) return null;
  return (
    <img
      className={`portal-pictogram${className ? ` ${className}` : ""}`}
      src={pictogramUrl(name)}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
    />
  );
}
