//! Handing a generated file to the user: download, or copy/open when a frame blocks downloads.

use wasm_bindgen::{JsCast, JsValue};

/// Why a file could not be handed over; the text says what the user can do instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DownloadError {
    /// Not in a page (a worker, a test harness): nothing to download into.
    #[error("The page is not available to start a download.")]
    NoPage,
    /// The browser refused to make the Blob or its URL (out of memory, usually).
    #[error("The file could not be created: {0}")]
    Create(String),
    /// The link that starts the download could not be made.
    #[error("The download could not start: {0}")]
    Start(String),
    /// The new tab was blocked too.
    #[error("The browser blocked the new tab too. Use Copy CSV instead.")]
    TabBlocked,
    /// The clipboard was refused (no permission, no user gesture, insecure page).
    #[error("The browser did not allow copying to the clipboard.")]
    ClipboardDenied,
}

/// A JavaScript exception's text.
fn js_text(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// A file kept in the browser as a Blob (and its object URL) until dropped.
#[derive(Debug)]
pub struct SavedFile {
    blob: web_sys::Blob,
    url: String,
}

impl SavedFile {
    /// Opens the file in a new tab (the fallback when a download was blocked).
    pub fn open(&self) -> Result<(), DownloadError> {
        let window = web_sys::window().ok_or(DownloadError::NoPage)?;
        match window.open_with_url_and_target(&self.url, "_blank") {
            Ok(Some(_)) => Ok(()),
            _ => Err(DownloadError::TabBlocked),
        }
    }
}

impl Drop for SavedFile {
    fn drop(&mut self) {
        let _ = web_sys::Url::revoke_object_url(&self.url);
    }
}

/// Starts a download of `bytes` as `file_name`. The Blob copies the bytes once; the caller may
/// drop its buffer afterwards.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<SavedFile, DownloadError> {
    let create = |e: JsValue| DownloadError::Create(js_text(e));
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(create)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(create)?;
    let saved = SavedFile { blob, url };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError::NoPage)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| DownloadError::Start(js_text(e)))?
        .unchecked_into();
    anchor.set_href(&saved.url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(saved)
}

/// Copies a saved text file to the clipboard, read back from its Blob so the app keeps no second
/// copy of a large export. A UTF-8 BOM at the start is left out: it means nothing in pasted text.
pub async fn copy_file_text(file: &SavedFile) -> Result<(), DownloadError> {
    let text = wasm_bindgen_futures::JsFuture::from(file.blob.text())
        .await
        .map_err(|_| DownloadError::ClipboardDenied)?;
    let text = String::from(js_sys::JsString::from(text));
    copy_text(text.strip_prefix('\u{feff}').unwrap_or(&text)).await
}

/// Copies a short text (a request, a command) to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), DownloadError> {
    let clipboard = web_sys::window()
        .ok_or(DownloadError::NoPage)?
        .navigator()
        .clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| DownloadError::ClipboardDenied)
}
