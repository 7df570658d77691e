// Sanitizes the markup Azure puts in recommendation descriptions and remediation steps with
// DOMPurify (the pinned npm package, shipped in dist/ as purify.min.js), which the app loads on
// first use (src/browser/script.rs): the first paint shows no markup.
// Only a safe subset survives: links (https only, opened in a new tab without referrer),
// lists, emphasis, code, paragraphs. Nothing can run script or load a remote resource (no
// img, style, iframe, svg, or url-bearing attributes besides href).
const ALLOWED_TAGS = ["a", "b", "strong", "i", "em", "u", "code", "pre", "p", "br", "ul", "ol", "li", "span"];
// The DOMPurify instance the link hook was added to (a reloaded DOMPurify needs it again).
let configured = null;

function purifier() {
  const purify = globalThis.DOMPurify;
  if (!purify || typeof purify.sanitize !== "function") return null;
  if (configured !== purify) {
    purify.addHook("afterSanitizeAttributes", (node) => {
      if (node.tagName === "A") {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
    });
    configured = purify;
  }
  return purify;
}

function escapeText(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Returns HTML safe to insert. Without DOMPurify (not loaded) the text is escaped, so markup
// shows as text: never unsafe, only less pretty.
export function sanitizeHtml(dirty) {
  const purify = purifier();
  if (!purify) return escapeText(dirty);
  return purify.sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href"],
    ALLOWED_URI_REGEXP: /^https:\/\//i,
    ALLOW_DATA_ATTR: false,
  });
}
