// A slide map's key (slide-key.ts) as HTML over the map: classes, overlays, data date and source. Its
// own dark ink on a light card, set here and not inherited, so the projector palette of present mode
// (white text) cannot turn it white on white.
import type { SlideKey, KeyRow } from './slide-key.js';

function Symbol({ row }: { row: KeyRow }) {
  return (
    <span
      className={`slide-key-symbol slide-key-${row.shape}`}
      style={row.shape === 'outline' ? { borderColor: row.color } : { backgroundColor: row.color }}
      aria-hidden="true"
    />
  );
}

export function SlideLegend({ slideKey }: { slideKey: SlideKey }) {
  return (
    <section className="slide-key" data-testid="legend" aria-label={slideKey.title}>
      <div className="slide-key-group">
        <h3 className="legend-title">{slideKey.title}</h3>
        <ul className="slide-key-rows">
          {slideKey.rows.map((row, index) => (
            <li key={row.label} data-testid={index === slideKey.rows.length - 1 ? 'legend-no-data' : 'legend-class'}>
              <Symbol row={row} />
              {row.label}
            </li>
          ))}
        </ul>
      </div>
      {slideKey.overlays.length > 0 && (
        <div className="slide-key-group">
          {slideKey.overlays.map((overlay) => (
            <div key={overlay.title}>
              <h4>{overlay.title}</h4>
              <ul className="slide-key-rows">
                {overlay.rows.map((row) => (
                  <li key={row.label} data-testid="legend-overlay">
                    <Symbol row={row} />
                    {row.label}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      <p className="slide-key-note" data-testid="legend-date">
        {slideKey.date}
      </p>
      <p className="slide-key-note" data-testid="legend-source">
        {slideKey.source}
      </p>
    </section>
  );
}
