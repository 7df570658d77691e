//! Handing a generated file to the user: download, or copy/open when a frame blocks downloads.

use wasm_bindgen::{JsCast, JsValue};

/// A file kept in the browser as a Blob (and its object URL) until dropped.
#[derive(Debug)]
pub struct SavedFile {
    blob: web_sys::Blob,
    url: String,
}

impl SavedFile {
    /// Opens the file in a new tab (the fallback when a download was blocked).
    pub fn open(&self) -> Result<(), String> {
        let window = web_sys::window().ok_or("no window")?;
        match window.open_with_url_and_target(&self.url, "_blank") {
            Ok(Some(_)) => Ok(()),
            _ => Err("The browser blocked the new tab too. Use Copy CSV instead.".into()),
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
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<SavedFile, String> {
    let fail = |what: &str, e: JsValue| {
        format!(
            "{what}: {}",
            e.as_string().unwrap_or_else(|| format!("{e:?}"))
        )
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| fail("The file could not be created", e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| fail("The file could not be created", e))?;
    let saved = SavedFile { blob, url };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| fail("The download could not start", e))?
        .unchecked_into();
    anchor.set_href(&saved.url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(saved)
}

/// Copies a saved text file to the clipboard, read back from its Blob so the app keeps no second
/// copy of a large export. A UTF-8 BOM at the start is left out: it means nothing in pasted text.
pub async fn copy_file_text(file: &SavedFile) -> Result<(), String> {
    let denied = |_| "The browser did not allow copying to the clipboard.".to_string();
    let text = wasm_bindgen_futures::JsFuture::from(file.blob.text())
        .await
        .map_err(denied)?;
    let text = String::from(js_sys::JsString::from(text));
    copy_text(text.strip_prefix('\u{feff}').unwrap_or(&text)).await
}

/// Copies a short text (a request, a command) to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not allow copying to the clipboard.".to_string())
}
