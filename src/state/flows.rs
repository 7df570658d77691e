//! One flow per mutation, outside `ui/`: plan (domain) → requests (arm) → run (bulk, a result
//! per item) → patch (a pure change of the data on screen) → an activity entry, exposed to the
//! panels as a Leptos `Action` (issue 15's pipeline; the other actions move here one by one).

pub mod alert_status;
pub mod exemption;
pub mod owner;
pub mod quick_fix;
pub mod settings;
pub mod suppression;
