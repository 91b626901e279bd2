/** A Mermaid diagram (the flow's `diagram` source from the API) rendered to SVG with Mermaid's strict security. */
import mermaid from 'mermaid';
import { useEffect, useId, useState } from 'react';
import { ProblemAlert } from '../app/StatusPages';

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });

export function MermaidDiagram({ source, label }: { source: string; label: string }) {
  const id = `diagram-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [svg, setSvg] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let current = true;
    mermaid.render(id, source).then(
      (result) => {
        if (current) setSvg(result.svg);
      },
      (caught: unknown) => {
        if (current) setError(caught);
      },
    );
    return () => {
      current = false;
    };
  }, [id, source]);
  if (error !== undefined) return <ProblemAlert error={error} />;
  return (
    <div
      className="mermaid-diagram"
      role="img"
      aria-label={label}
      data-testid="flow-diagram"
      // Mermaid's own output (securityLevel strict: labels are escaped, no scripts or links).
      dangerouslySetInnerHTML={{ __html: svg ?? '' }}
    />
  );
}
