//! Parts of the app the first paint does not need, kept out of the first download.
//!
//! In the release build (`scripts/build.sh` sets `AKS_WASM_SPLIT=1`, so `build.rs` sets the
//! `wasm_split` cfg, and `scripts/split-bundle.mjs` splits cargo's wasm before wasm-bindgen) each
//! part is a wasm chunk of its own, fetched the first time it is shown. Everywhere else (native
//! tests, wasm tests, `serve`) the same code is linked in, and a part is ready at once. Either
//! way the caller sees one API: [`lazy_part!`] and [`deferred`].

use crate::ui::load_error::InlineRetry;
use futures::FutureExt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

/// A part's chunk could not be fetched (offline, a 5xx). wasm-split logs the cause to the
/// console and keeps no failure: the next load starts a new fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartUnavailable;

impl From<leptos::wasm_split::SplitLoaderError> for PartUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartUnavailable
    }
}

/// Declares a lazily loaded part: `$entry` is the split point (its body, and everything only it
/// reaches, goes into the chunk named after it), `$load` the async function callers use. The
/// entry returns a plain function pointer, so what it hands out is `Copy` and can be kept in a
/// signal.
macro_rules! lazy_part {
    ($(#[$doc:meta])* $vis:vis $load:ident, $entry:ident -> $ty:ty = $value:expr) => {
        #[cfg_attr(
            all(target_arch = "wasm32", wasm_split),
            ::leptos::wasm_split::wasm_split(
                $entry,
                wasm_split_path = ::leptos::wasm_split,
                fallible
            )
        )]
        fn $entry() -> Result<$ty, $crate::ui::lazy::PartUnavailable> {
            Ok($value)
        }

        $(#[$doc])*
        $vis async fn $load() -> Result<$ty, $crate::ui::lazy::PartUnavailable> {
            #[cfg(all(target_arch = "wasm32", wasm_split))]
            return $entry().await;
            #[cfg(not(all(target_arch = "wasm32", wasm_split)))]
            return $entry();
        }
    };
}
pub(crate) use lazy_part;

/// Shows a lazy part: at once when it is already loaded (always, in an unsplit build), else
/// "Loading…" until its chunk arrives, or what failed with a Retry. `what` names the part in
/// those messages ("the action panels"); `frame` puts them where the part would be (a side
/// panel, a page); `show` builds the part's view once, from what the part hands out.
pub fn deferred<T, Fut>(
    what: &'static str,
    load: impl Fn() -> Fut + Copy + Send + Sync + 'static,
    frame: impl Fn(AnyView) -> AnyView + Send + Sync + 'static,
    show: impl FnOnce(T) -> AnyView + 'static,
) -> AnyView
where
    T: Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<T, PartUnavailable>> + 'static,
{
    // One load per attempt. A loaded chunk answers on the first poll (wasm-split keeps a
    // successful load), so a part seen before opens in the same frame, as before the split, and
    // costs no signal.
    let mut first = Box::pin(load());
    let ready = match first.as_mut().now_or_never() {
        Some(Ok(part)) => return show(part),
        still_loading_or_failed => still_loading_or_failed,
    };
    let loading = ready.is_none();
    let state = RwSignal::new(ready);
    let wait =
        move |attempt: Pin<Box<Fut>>| spawn_local(async move { state.set(Some(attempt.await)) });
    if loading {
        wait(first);
    }
    let retry = Callback::new(move |()| {
        state.set(None);
        wait(Box::pin(load()));
    });
    // Shown once: the state never leaves `Ok`, so `show` runs at most once.
    let show = SendWrapper::new(Cell::new(Some(show)));
    (move || match state.get() {
        None => frame(
            view! {
                <p class="lazy-part" role="status">
                    "Loading "
                    {what}
                    "…"
                </p>
            }
            .into_any(),
        ),
        Some(Ok(part)) => match Cell::take(&show) {
            Some(show) => untrack(|| show(part)),
            None => ().into_any(),
        },
        Some(Err(PartUnavailable)) => {
            // A page open across a deployment asks for chunks of its own build, which a host
            // that keeps only the newest build no longer has: a reload is then the way out.
            let message = format!(
                "Could not download {what}. Check the connection, then Retry. If it keeps \
                 failing, reload the page: a newer version may have been deployed."
            );
            frame(view! { <InlineRetry message=message on_retry=retry /> }.into_any())
        }
    })
    .into_any()
}

/// For a part that stands where it is shown: its messages need no frame.
pub fn in_place(status: AnyView) -> AnyView {
    status
}
