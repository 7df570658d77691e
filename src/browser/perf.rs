//! User Timing marks the benchmark reads (`performance.getEntriesByName`).

/// Marks the moment the cluster's data arrived (before it is rendered): the benchmark measures
/// "first render after data arrives" from here.
pub const DATA_ARRIVED: &str = "aks:data-arrived";

/// Adds a User Timing mark; a browser without the API just does not get one.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
