// Sanitizes the markup Azure puts in recommendation descriptions and remediation steps with
// DOMPurify (the pinned npm package, shipped in dist/ as purify.min.js). It is loaded on first
// use: the first paint shows no markup, so the first load does not carry it.
// Only a safe subset survives: links (https only, opened in a new tab without referrer),
// lists, emphasis, code, paragraphs. Nothing can run script or load a remote resource (no
// img, style, iframe, svg, or url-bearing attributes besides href).
const ALLOWED_TAGS = ["a", "b", "strong", "i", "em", "u", "code", "pre", "p", "br", "ul", "ol", "li", "span"];
let configured = false;
let loading = null;

// Loads DOMPurify once. A failed load is forgotten, so the next call (Retry) tries again.
function loadPurify() {
  if (globalThis.DOMPurify) return Promise.resolve(globalThis.DOMPurify);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("purify.min.js", document.baseURI).href;
      script.onload = () => (globalThis.DOMPurify ? resolve(globalThis.DOMPurify) : reject(new Error("DOMPurify did not load")));
      script.onerror = () => {
        script.remove();
        loading = null;
        reject(new Error("The HTML sanitizer (purify.min.js) could not be loaded"));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

function purifier() {
  const purify = globalThis.DOMPurify;
  if (!purify || typeof purify.sanitize !== "function") return null;
  if (!configured) {
    purify.addHook("afterSanitizeAttributes", (node) => {
      if (node.tagName === "A") {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
    });
    configured = true;
  }
  return purify;
}

function escapeText(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Returns HTML safe to insert, once DOMPurify is loaded; rejects with a message when it cannot
// be loaded.
export async function sanitizeHtmlLoaded(dirty) {
  await loadPurify();
  return sanitizeHtml(dirty);
}

// Returns HTML safe to insert. Without DOMPurify (not loaded) the text is escaped, so markup
// shows as text: never unsafe, only less pretty.
function sanitizeHtml(dirty) {
  const purify = purifier();
  if (!purify) return escapeText(dirty);
  return purify.sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ["href"],
    ALLOWED_URI_REGEXP: /^https:\/\//i,
    ALLOW_DATA_ATTR: false,
  });
}
