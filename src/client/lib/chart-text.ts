// Text that charts put into HTML. ECharts inserts a tooltip formatter's result into the page as
// HTML, so anything a council or provider typed (role titles, pathway names, organisation names)
// is escaped first. Labels, axes and legends are drawn as SVG text and need no escaping; ECharts'
// own default tooltips escape names themselves. Pure functions, so they are tested in Node.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to put into HTML. */
export const escapeHtml = (text: unknown) => String(text ?? "").replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
