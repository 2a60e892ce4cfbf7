import type { ComponentChildren } from 'preact';

/**
 * A list under the dashboard that opens on demand (the archive, the KPIs): one section with its
 * heading inline in the disclosure's summary (archived-list.css).
 */
export function DisclosureWidget({
  widget,
  title,
  testId,
  children,
}: {
  widget: string;
  title: string;
  testId: string;
  children: ComponentChildren;
}) {
  return (
    <section class={`pc-widget pc-widget-${widget}`} aria-labelledby={`w-${widget}`} data-widget={widget}>
      <details data-testid={testId}>
        <summary>
          <h2 id={`w-${widget}`} class="pc-inline-heading">
            {title}
          </h2>
        </summary>
        {children}
      </details>
    </section>
  );
}
