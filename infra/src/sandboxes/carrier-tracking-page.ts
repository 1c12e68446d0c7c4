import { type CarrierEvent } from '@shop/testing';

const STATUS_LABELS: Record<CarrierEvent['status'], string> = {
  IN_TRANSIT: 'In transit',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
};

/** The small public tracking page a shipment's tracking URL points to in development. */
export function renderTrackingPage(trackingNumber: string, events: CarrierEvent[]): string {
  const rows = events.map(eventRow).join('\n');
  const title = `Parcel ${escapeHtml(trackingNumber)}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1>${title}</h1>
${events.length > 0 ? `<ol>\n${rows}\n</ol>` : '<p>No scan events yet.</p>'}
</body>
</html>
`;
}

function eventRow(event: CarrierEvent): string {
  const time = escapeHtml(event.occurredAt);
  return `<li><time datetime="${time}">${time}</time> ${STATUS_LABELS[event.status]}</li>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
