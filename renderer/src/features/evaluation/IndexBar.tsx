import { currentLanguage } from '../../i18n.ts';
import { indexText, isWeak, type Stat } from './format.ts';

/**
 * A 0–100 index as a figure and a short bar; a weak one (below the middle of the scale) in the
 * warning colour. The bar is decoration: the figure is what is read out.
 */
export function IndexBar({ stat }: { stat: Stat }) {
  const lang = currentLanguage();
  const width = stat.index === null ? 0 : Math.max(0, Math.min(100, stat.index));
  return (
    <span className={`index-bar${isWeak(stat) ? ' index-weak' : ''}`}>
      <span className="index-figure">{indexText(stat.index, lang)}</span>
      <span className="index-track" aria-hidden="true">
        <span className="index-fill" style={{ width: `${width}%` }} />
      </span>
    </span>
  );
}
